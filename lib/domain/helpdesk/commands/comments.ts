// The help desk's comment API (001/003/004) over the ticket's one thread (../thread.ts).
import type { Actor } from '../../actor';
import { commentDto } from '../queries';
import type { CommentInput } from '../schemas';
import { editComment, removeComment, threadAccess, writeComment } from '../thread';
import { resumeOnRequesterReply } from './requester-reply';

export async function addComment(actor: Actor, ref: string | number, input: CommentInput) {
  const access = await threadAccess(actor, ref);
  const { row, names, mentioned } = await writeComment(
    actor,
    access,
    { body: input.body, isInternal: input.is_internal, parentId: input.parent_id ?? null },
    commentDto,
  );
  await resumeOnRequesterReply(actor, access.ticket, row.isInternal);
  return commentDto(row, names, mentioned);
}

export async function updateComment(actor: Actor, id: number, body: string) {
  const { row, names, mentioned } = await editComment(actor, id, body, commentDto);
  return commentDto(row, names, mentioned);
}

export async function deleteComment(actor: Actor, id: number) {
  await removeComment(actor, id);
}
