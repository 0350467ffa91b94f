// Ticket attachments, and keeping the workflow engine's copy of the list current.
import { type Tx, transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import type { Actor } from '../../actor';
import { MESSAGES, type TicketAttachmentRef } from '../../contracts/messages';
import { validationFailed } from '../../errors';
import { removeFiles, type StoredFile } from '../files';
import { history, recordAudit } from '../history';
import { assertCanAttach, assertCanDeleteAttachment } from '../policy';
import { attachmentDto, attachmentUrl, loadTicket } from '../queries';

/** The ticket's files as the workflow side sees them: links to the help desk's download endpoint. */
export async function attachmentRefs(tx: Tx, ticketId: number): Promise<TicketAttachmentRef[]> {
  const files = await tx.ticketAttachment.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });
  return files.map((f) => ({
    id: f.id,
    filename: f.filename,
    url: attachmentUrl(f.id),
    uploaded_at: f.createdAt.toISOString(),
    size: f.size,
    content_type: f.mimeType,
  }));
}

/** Files added to or deleted from a ticket already sent to the workflow engine: send it the new list. */
async function sendAttachmentsToWorkflow(tx: Tx, t: { id: number; ticketNumber: string; approvedAt: Date | null }) {
  if (!t.approvedAt) return;
  await enqueue(tx, MESSAGES.updateTicketAttachments, {
    ticket_number: t.ticketNumber,
    attachments: await attachmentRefs(tx, t.id),
    changed_at: new Date().toISOString(),
  });
}

/** Checked before an upload is read, so refused callers never stream files to disk. */
export async function loadTicketToAttach(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  assertCanAttach(actor, t);
  return t;
}

export async function addAttachments(actor: Actor, ref: string | number, files: StoredFile[]) {
  try {
    const t = await loadTicketToAttach(actor, ref);
    if (!files.length) throw validationFailed({ file: ['Attach a file'] });
    const rows = await transaction(async (tx) => {
      const out = [];
      for (const f of files) {
        const a = await tx.ticketAttachment.create({
          data: {
            ticketId: t.id,
            uploaderId: actor.id,
            filename: f.filename,
            storedName: f.storedName,
            mimeType: f.mimeType,
            size: f.size,
            sha256: f.sha256,
          },
        });
        await history(tx, t.id, actor, 'ATTACHMENT_ADDED', { field: 'attachment', new: f.filename });
        await recordAudit(tx, actor, {
          context: 'helpdesk',
          action: 'attachment.create',
          entityType: 'ticket_attachment',
          entityId: a.id,
          newValues: { ticket: t.ticketNumber, filename: f.filename, sha256: f.sha256 },
        });
        out.push(a);
      }
      await sendAttachmentsToWorkflow(tx, t);
      return out;
    });
    return rows.map(attachmentDto);
  } catch (e) {
    await removeFiles(files);
    throw e;
  }
}

export async function deleteAttachment(actor: Actor, id: number) {
  const { attachmentForDownload } = await import('../queries');
  const a = await attachmentForDownload(actor, id);
  assertCanDeleteAttachment(actor, a);
  await transaction(async (tx) => {
    await tx.ticketAttachment.delete({ where: { id } });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'attachment.delete',
      entityType: 'ticket_attachment',
      entityId: id,
      oldValues: { filename: a.filename },
    });
    await sendAttachmentsToWorkflow(tx, a.ticket);
  });
  const { attachmentPath } = await import('../storage');
  await removeFiles([{ path: attachmentPath(a.storedName) }]);
}
