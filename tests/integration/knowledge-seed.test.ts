import { describe, expect, it } from 'vitest';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { seedDemoArticles } from '@/lib/domain/knowledge/demo';
import { db } from '@/lib/server/db';

describe('demo articles seed', () => {
  it('writes a dozen published articles for the seeded categories once (idempotent), plus a staff runbook and a draft', async () => {
    await seedDemoArticles();
    const first = await db.article.findMany({ include: { versions: true } });
    const votes = await db.articleFeedback.count();
    await seedDemoArticles();
    expect(await db.article.count()).toBe(first.length);
    expect(await db.articleFeedback.count()).toBe(votes);

    const published = first.filter((a) => a.status === 'published' && a.visibility === 'everyone');
    expect(published.length).toBeGreaterThanOrEqual(12);
    expect(first.some((a) => a.visibility === 'staff' && a.status === 'published')).toBe(true);
    expect(first.some((a) => a.status === 'draft')).toBe(true);
    // every article sits in the catalog and has its first version
    const c = await catalog();
    for (const a of first) {
      const category = c.categories.find((x) => x.name === a.category);
      expect(category, a.category).toBeDefined();
      if (a.subCategory) expect(category?.sub_categories).toContain(a.subCategory);
      expect(a.versions.map((v) => v.version)).toEqual([1]);
    }
    // every seeded category with a workflow has at least one answer
    for (const name of ['IT Support', 'Asset Check In', 'Asset Check Out', 'New Budget Proposal']) {
      expect(
        published.some((a) => a.category === name),
        name,
      ).toBe(true);
    }
  });
});
