import type { Metadata } from 'next';
import { MembersDialog } from '@/components/admin/roles/members-dialog';
import { RoleActiveButton } from '@/components/admin/roles/role-active-button';
import { RoleFormDialog } from '@/components/admin/roles/role-form-dialog';
import { Badge } from '@/components/ui/badge';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { rolePeople, workflowRolesOverview } from '@/lib/domain/workflow/roles';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Workflow roles' };

export default async function RolesPage() {
  const actor = await requirePortal('admin');
  const [roles, people] = await Promise.all([workflowRolesOverview(actor), rolePeople(actor)]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Workflow roles</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Each workflow step hands its tasks to the members of one role, in turn. {roles.length} role
            {roles.length === 1 ? '' : 's'}.
          </p>
        </div>
        <RoleFormDialog />
      </div>
      <Table aria-label="Workflow roles">
        <THead>
          <tr>
            <TH>Role</TH>
            <TH>Members</TH>
            <TH>Status</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {roles.length === 0 && <EmptyRow colSpan={4}>No workflow roles yet. Create the first one with “New role”.</EmptyRow>}
          {roles.map((r) => {
            const active = r.members.filter((m) => m.is_active).length;
            return (
              <TR key={r.role_id} data-testid={`role-row-${r.name}`}>
                <TD>
                  <span className="font-medium">{r.name}</span>
                  {r.description && <span className="block text-xs text-slate-500 dark:text-slate-400">{r.description}</span>}
                </TD>
                <TD>
                  {active === 0 ? (
                    <span className="text-xs text-slate-500">Nobody</span>
                  ) : (
                    `${active} ${active === 1 ? 'person' : 'people'}`
                  )}
                </TD>
                <TD>{r.is_active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}</TD>
                <TD>
                  <div className="flex justify-end gap-1.5">
                    <RoleFormDialog role={r} />
                    <MembersDialog role={r} people={people} />
                    {r.name !== 'Admin' && <RoleActiveButton role={r} />}
                  </div>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
