// Which bodies a staff member may manage media for: their own, or every body of their
// county for a county-wide admin (auth/middleware canSeeBody). Anything else is answered
// as "not found", so ids of other bodies' items are not confirmed.
import type { StaffActor } from '../../auth/actor';
import { canSeeBody } from '../../auth/middleware';
import { notFound } from '../../errors';

export async function assertBodyAccess(actor: StaffActor, bodyId: string, notFoundError = notFound()): Promise<void> {
  if (!(await canSeeBody(actor, bodyId))) throw notFoundError;
}
