import type { Metadata } from 'next';
import { DeactivateButton } from '@/components/admin/users/deactivate-button';
import { RolesDialog } from '@/components/admin/users/roles-dialog';
import { SearchForm } from '@/components/admin/users/search-form';
import { UserFormDialog } from '@/components/admin/users/user-form-dialog';
import { Badge } from '@/components/ui/badge';
import { Pager } from '@/components/ui/pager';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { listRoles, listUsers } from '@/lib/domain/identity/queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Users' };

const PAGE_SIZE = 20;

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string | string[]; page?: string | string[] }>;
}) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const search = (Array.isArray(sp.search) ? sp.search[0] : sp.search)?.trim().slice(0, 100) || undefined;
  const page = Math.max(1, Math.floor(Number(Array.isArray(sp.page) ? sp.page[0] : sp.page)) || 1);
  const [users, roles] = await Promise.all([
    listUsers(actor, { page, page_size: PAGE_SIZE, search }),
    listRoles(actor, { page: 1, page_size: 100 }),
  ]);
  const roleOptions = roles.results.map((r) => ({ id: r.id, name: r.name, system: r.system, description: r.description }));
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(search ? { search } : {}), page: String(p) })}`;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Create accounts, assign roles per system and deactivate people who left. {users.count} user
            {users.count === 1 ? '' : 's'}
            {search ? ` matching “${search}”` : ''}.
          </p>
        </div>
        <UserFormDialog />
      </div>

      <SearchForm search={search} />

      <Table aria-label="Users">
        <THead>
          <tr>
            <TH>Name</TH>
            <TH>Username</TH>
            <TH>E-mail</TH>
            <TH>Roles</TH>
            <TH>Status</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {users.results.length === 0 && (
            <EmptyRow colSpan={6}>
              {users.count > 0 ? (
                <>
                  This page is past the last one.{' '}
                  <a className="text-brand-700 underline dark:text-brand-100" href={href(1)}>
                    Back to the first page
                  </a>
                </>
              ) : search ? (
                <>
                  No users match “{search}”.{' '}
                  <a className="text-brand-700 underline dark:text-brand-100" href="/admin/users">
                    Clear the search
                  </a>
                </>
              ) : (
                'No users yet. Create the first one with “New user”.'
              )}
            </EmptyRow>
          )}
          {users.results.map((u) => (
            <TR key={u.id} data-testid={`user-row-${u.username}`}>
              <TD className="font-medium">{`${u.first_name} ${u.last_name}`.trim() || '—'}</TD>
              <TD className="font-mono text-xs">{u.username}</TD>
              <TD>{u.email}</TD>
              <TD>
                {u.roles.length === 0 ? (
                  <span className="text-xs text-slate-500">No roles</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {u.roles.map((r) => (
                      <li key={r.role_id}>
                        <Badge tone="info">
                          {r.system} · {r.role_name}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </TD>
              <TD>{u.is_active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Inactive</Badge>}</TD>
              <TD>
                <div className="flex justify-end gap-1.5">
                  <UserFormDialog user={u} />
                  <RolesDialog user={u} roles={roleOptions} />
                  {u.is_active && <DeactivateButton user={u} disabled={u.id === actor.id} />}
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>

      <Pager page={page} count={users.count} pageSize={PAGE_SIZE} href={href} />
    </div>
  );
}
