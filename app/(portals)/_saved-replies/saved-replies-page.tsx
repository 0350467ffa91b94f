import { SavedReplies } from '@/components/messaging/saved-replies';
import type { Actor } from '@/lib/domain/actor';
import { listCannedResponses } from '@/lib/domain/messaging/canned-responses';
import { managesSharedReplies } from '@/lib/domain/messaging/policy';

/** Saved replies of a staff portal: the caller's own and the shared ones (admins manage the shared ones). */
export async function SavedRepliesPage({ actor }: { actor: Actor }) {
  const { results } = await listCannedResponses(actor, {});
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Saved replies</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Answers you give often, inserted into a reply with its placeholders filled for the ticket. Personal replies are yours
          alone; shared ones, kept by admins, are offered to all staff.
        </p>
      </div>
      <SavedReplies replies={results} canShare={managesSharedReplies(actor)} />
    </div>
  );
}
