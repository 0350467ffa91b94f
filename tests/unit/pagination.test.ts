import { describe, expect, it } from 'vitest';
import { Page, pageQuery, skipTake } from '@/lib/domain/pagination';

const url = new URL('http://localhost/auth/api/v1/users/?search=ann&page=2&page_size=10');

describe('Page', () => {
  it('links to the next and previous pages, keeping the other query parameters', () => {
    const json = new Page(35, ['a'], 2, 10).toJSON(url);
    expect(json.count).toBe(35);
    expect(json.results).toEqual(['a']);
    expect(json.next).toBe('http://localhost/auth/api/v1/users/?search=ann&page=3&page_size=10');
    expect(json.previous).toBe('http://localhost/auth/api/v1/users/?search=ann&page=1&page_size=10');
  });

  it('has no previous link on the first page and no next link on the last', () => {
    const first = new Page(20, [], 1, 10).toJSON(new URL('http://localhost/x/'));
    expect(first.previous).toBeNull();
    expect(first.next).toBe('http://localhost/x/?page=2');
    const last = new Page(20, [], 2, 10).toJSON(url);
    expect(last.next).toBeNull();
    expect(last.previous).not.toBeNull();
    const exact = new Page(10, [], 1, 10).toJSON(url);
    expect(exact.next).toBeNull();
    expect(new Page(0, [], 1, 10).toJSON(url)).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it('has null links without a URL and adds extra fields', () => {
    const json = new Page(50, [], 2, 10, { unread_count: 3 }).toJSON();
    expect(json).toEqual({ count: 50, next: null, previous: null, unread_count: 3, results: [] });
    expect(new Page(50, [], 1, 10).hasNext).toBe(true);
  });

  it('pageQuery defaults to page 1 of 10 and caps page_size at 100', () => {
    expect(pageQuery.parse({})).toEqual({ page: 1, page_size: 10 });
    expect(pageQuery.parse({ page: '3', page_size: '100' })).toEqual({ page: 3, page_size: 100 });
    expect(pageQuery.safeParse({ page_size: '101' }).success).toBe(false);
    expect(pageQuery.safeParse({ page: '0' }).success).toBe(false);
    expect(skipTake({ page: 3, page_size: 20 })).toEqual({ skip: 40, take: 20 });
  });
});
