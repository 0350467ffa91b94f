import { type Actor, isAnyAdmin } from '../actor';
import { forbidden } from '../errors';

/** Queue operations (depths, dead letters, replay, discard) are for administrators of either system. */
export function assertCanOperateQueues(actor: Actor) {
  if (!isAnyAdmin(actor)) throw forbidden('Only administrators can operate the job queues');
}
