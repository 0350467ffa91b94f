import { describe, expect, it } from 'vitest';
import { ACCEPT_ATTRIBUTE, extensionOf, isPreviewableImage, refuseChosenFile } from '@/lib/domain/helpdesk/attachment-rules';
import { checkFileType } from '@/lib/domain/helpdesk/files';

const MB = 1024 * 1024;

describe('attachment rules shared by the browser and the server', () => {
  it('the browser refuses what the server refuses by name, with the same words', () => {
    const browser = refuseChosenFile({ name: 'setup.exe', size: 10 }, 10 * MB);
    let server = '';
    try {
      checkFileType('setup.exe', undefined, Buffer.from('MZ'));
    } catch (e) {
      server = (e as Error).message;
    }
    expect(browser).toBe(server);
  });

  it('accepts an allowed type within the size limit, refuses a larger one', () => {
    expect(refuseChosenFile({ name: 'Report.PDF', size: MB }, 10 * MB)).toBeNull();
    expect(refuseChosenFile({ name: 'scan.png', size: 11 * MB }, 10 * MB)).toBe('scan.png: Each file may be at most 10 MB');
  });

  it('reads the extension like the server does (no extension, dot files, paths)', () => {
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('.env')).toBe('');
    expect(extensionOf('C:\\docs\\notes.txt')).toBe('txt');
    expect(refuseChosenFile({ name: 'README', size: 1 }, MB)).toMatch(/file type \.\(none\) is not allowed/);
  });

  it('the file picker offers exactly the allowed types', () => {
    expect(ACCEPT_ATTRIBUTE.split(',')).toContain('.docx');
    expect(ACCEPT_ATTRIBUTE.split(',')).not.toContain('.exe');
  });

  it('previews the images the server stores (by their checked type; by name where a list has no type)', () => {
    expect(isPreviewableImage({ filename: 'screen.png', content_type: 'image/png' })).toBe(true);
    expect(isPreviewableImage({ filename: 'photo.JPG', content_type: 'image/jpeg' })).toBe(true);
    expect(isPreviewableImage({ filename: 'anim.gif', content_type: 'image/gif' })).toBe(true);
    // the stored type (checked from the bytes at upload) decides over the name
    expect(isPreviewableImage({ filename: 'looks.png', content_type: 'text/plain' })).toBe(false);
    expect(isPreviewableImage({ filename: 'report.pdf', content_type: 'application/pdf' })).toBe(false);
    expect(isPreviewableImage({ filename: 'diagram.svg', content_type: 'image/svg+xml' })).toBe(false);
    expect(isPreviewableImage({ filename: 'scan.jpeg' })).toBe(true);
    expect(isPreviewableImage({ filename: 'notes.txt' })).toBe(false);
  });
});
