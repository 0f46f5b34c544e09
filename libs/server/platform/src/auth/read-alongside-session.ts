import type { Actor, RequestWithActor } from './access.decorators';

const sameAccount = (a: Actor, b: Actor) =>
  a.userId === b.userId && a.username === b.username && a.role === b.role && a.officerId === b.officerId;

/**
 * Runs a read alongside the guard's session check (a handler marked ReadsAlongsideSession) and answers
 * only once the check has passed: the read of a session that has ended, or of an account whose role
 * may not call the route, is dropped unseen and the check's refusal (401, or 403 audited) is the
 * answer, as when the guard awaited it; an error of the read itself (a bad parameter) is answered only
 * after a passed check too. The read starts as the token's account; its result is kept only if the
 * session's account (from the database) is the same, else the read runs again as that account.
 * Without a pending check (the guard awaited it) the read just runs.
 */
export async function readAlongsideSession<T>(
  request: RequestWithActor,
  read: (actor: Actor) => Promise<T>,
): Promise<T> {
  const check = request.sessionCheck;
  if (!check) return read(request.actor!);
  const asToken = request.actor!;
  // A read that throws at once is answered like one that rejects: after the check.
  const attempt = (async () => read(asToken))();
  attempt.catch(() => undefined);
  try {
    await check;
  } finally {
    request.sessionSettled = true;
  }
  const actor = request.actor!;
  return sameAccount(actor, asToken) ? attempt : read(actor);
}
