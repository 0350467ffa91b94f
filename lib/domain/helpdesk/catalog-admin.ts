import { db, transaction } from '@/lib/server/db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { notFound, validationFailed } from '../errors';
import { assertAdmin } from './policy';
import type { CatalogEntryInput, CatalogKind } from './schemas';

/**
 * Admins keep the catalog (departments → categories → sub-categories, 001 §2). Tickets, articles and workflows
 * refer to its entries by name, as facts of when they were filed, so an entry is never renamed or deleted: a new
 * one is added, and one no longer wanted is retired (no longer offered to new tickets and articles, still shown on
 * everything filed under it) and may be offered again.
 */
export interface CatalogTree {
  departments: { id: number; name: string; active: boolean }[];
  categories: {
    id: number;
    name: string;
    active: boolean;
    department: { id: number; name: string } | null;
    sub_categories: { id: number; name: string; active: boolean }[];
  }[];
}

export async function catalogTree(actor: Actor): Promise<CatalogTree> {
  assertAdmin(actor, 'manage the catalog');
  const [departments, categories] = await Promise.all([
    db.department.findMany({ orderBy: { name: 'asc' } }),
    db.category.findMany({
      include: { department: true, subCategories: { orderBy: { name: 'asc' } } },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    departments: departments.map((d) => ({ id: d.id, name: d.name, active: d.active })),
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      active: c.active,
      department: c.department ? { id: c.department.id, name: c.department.name } : null,
      sub_categories: c.subCategories.map((s) => ({ id: s.id, name: s.name, active: s.active })),
    })),
  };
}

const LABEL: Record<CatalogKind, string> = { department: 'Department', category: 'Category', sub_category: 'Sub-category' };

/** A new entry; a name already taken (at its level) is a 400 on `name`, an unknown parent a 400 on its field. */
export async function addCatalogEntry(actor: Actor, input: CatalogEntryInput) {
  assertAdmin(actor, 'manage the catalog');
  return transaction(async (tx) => {
    let entry: { id: number; name: string };
    if (input.kind === 'department') {
      if (await tx.department.findUnique({ where: { name: input.name } })) {
        throw validationFailed({ name: [`A department named "${input.name}" exists already`] });
      }
      entry = await tx.department.create({ data: { name: input.name } });
    } else if (input.kind === 'category') {
      if (input.department_id !== null && !(await tx.department.findUnique({ where: { id: input.department_id } }))) {
        throw validationFailed({ department_id: ['No such department'] });
      }
      if (await tx.category.findUnique({ where: { name: input.name } })) {
        throw validationFailed({ name: [`A category named "${input.name}" exists already`] });
      }
      entry = await tx.category.create({ data: { name: input.name, departmentId: input.department_id } });
    } else {
      const category = await tx.category.findUnique({ where: { id: input.category_id } });
      if (!category) throw validationFailed({ category_id: ['No such category'] });
      const taken = await tx.subCategory.findUnique({
        where: { categoryId_name: { categoryId: category.id, name: input.name } },
      });
      if (taken) throw validationFailed({ name: [`${category.name} has a sub-category "${input.name}" already`] });
      entry = await tx.subCategory.create({ data: { name: input.name, categoryId: category.id } });
    }
    await writeAudit(tx, actor, {
      context: 'helpdesk',
      action: 'catalog_entry_added',
      entityType: input.kind,
      entityId: entry.id,
      newValues: input,
    });
    return { kind: input.kind, id: entry.id, name: entry.name, active: true };
  });
}

/** Retire an entry (no longer offered) or offer it again; setting the state it has already changes nothing. */
export async function setCatalogEntryActive(actor: Actor, kind: CatalogKind, id: number, active: boolean) {
  assertAdmin(actor, 'manage the catalog');
  return transaction(async (tx) => {
    const entry =
      kind === 'department'
        ? await tx.department.findUnique({ where: { id } })
        : kind === 'category'
          ? await tx.category.findUnique({ where: { id } })
          : await tx.subCategory.findUnique({ where: { id } });
    if (!entry) throw notFound(LABEL[kind], 'CATALOG_ENTRY_NOT_FOUND');
    if (entry.active !== active) {
      const data = { active };
      if (kind === 'department') await tx.department.update({ where: { id }, data });
      else if (kind === 'category') await tx.category.update({ where: { id }, data });
      else await tx.subCategory.update({ where: { id }, data });
      await writeAudit(tx, actor, {
        context: 'helpdesk',
        action: active ? 'catalog_entry_offered' : 'catalog_entry_retired',
        entityType: kind,
        entityId: id,
        oldValues: { active: entry.active },
        newValues: { active },
      });
    }
    return { kind, id, name: entry.name, active };
  });
}
