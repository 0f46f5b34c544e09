import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock } from '@fleet/server/config';
import { JwtService } from '@nestjs/jwt';
import { type Actor, Public, ReadsAlongsideSession, type RequestWithActor, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';
import { readAlongsideSession } from './read-alongside-session';

import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { LiveSession, SessionService } from './session.service';

const jwt = new JwtService({ secret: 'unit-test-secret-unit-test-secret' });
/** Sessions as the database would answer: session "live" is running, with the role the test names. */
let liveRole = 'admin';
const sessions = {
  live: (sid: string): Promise<LiveSession | null> =>
    Promise.resolve(
      sid === 'live'
        ? ({
            userId: 1,
            username: 'u',
            role: liveRole,
            officerId: null,
            mustChangePassword: false,
          } as LiveSession)
        : null,
    ),
} as unknown as SessionService;
/** The audit rows the guard writes for refusals. */
const refusals: { action: string; after: unknown }[] = [];
const audit = {
  record: (_manager: unknown, entry: { action: string; after: unknown }) => {
    refusals.push(entry);
    return Promise.resolve();
  },
} as unknown as AuditService;
const dataSource = {
  transaction: <T>(work: (manager: unknown) => Promise<T>) => work({}),
} as unknown as DataSource;
const guard = new AccessGuard(
  new Reflector(),
  jwt,
  sessions,
  audit,
  dataSource,
  new Clock({ clockStart: null }),
);

class Endpoints {
  undeclared(): void {}
  @Roles('admin')
  adminOnly(): void {}
  @Public()
  open(): void {}
  @Roles('admin', 'auditor')
  @ReadsAlongsideSession()
  alongside(): void {}
}

function context(handler: keyof Endpoints, token?: string, request: object = {}): ExecutionContext {
  Object.assign(request, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    method: 'GET',
    url: '/x',
    ip: '127.0.0.1',
  });
  return {
    getHandler: () => Endpoints.prototype[handler],
    getClass: () => Endpoints,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const token = (role: string, expiresIn = 60, sid = 'live') => {
  liveRole = role;
  return jwt.sign({ sub: '1', sid, username: 'u', role, officerId: null }, { expiresIn });
};

describe('AccessGuard', () => {
  it('lets anyone call a public endpoint', async () => {
    await expect(guard.canActivate(context('open'))).resolves.toBe(true);
  });

  it('refuses an endpoint that declares no roles, even to an admin, and audits the refusal', async () => {
    refusals.length = 0;
    await expect(guard.canActivate(context('undeclared', token('admin')))).rejects.toMatchObject({
      status: 403,
    });
    expect(refusals).toEqual([
      expect.objectContaining({
        action: 'access_denied',
        after: expect.objectContaining({ method: 'GET', path: '/x', reason: 'undeclared route' }),
      }),
    ]);
  });

  it.each([
    ['admin', true],
    ['auditor', false],
    ['officer', false],
    ['repair_intake', false],
  ])('on an admin-only endpoint, role %s passes: %s', async (role, passes) => {
    const result = guard.canActivate(context('adminOnly', token(role)));
    if (passes) await expect(result).resolves.toBe(true);
    else await expect(result).rejects.toMatchObject({ status: 403 });
  });

  it('answers 401 without a token, with a forged token and with an expired one', async () => {
    await expect(guard.canActivate(context('adminOnly'))).rejects.toMatchObject({ status: 401 });
    const forged = new JwtService({ secret: 'another-secret-another-secret-xx' }).sign({
      sub: '1',
      role: 'admin',
    });
    await expect(guard.canActivate(context('adminOnly', forged))).rejects.toMatchObject({ status: 401 });
    await expect(guard.canActivate(context('adminOnly', token('admin', -10)))).rejects.toMatchObject({
      status: 401,
    });
  });

  it('answers 401 to a token without exp and to a token of a session that has ended', async () => {
    const noExp = jwt.sign({ sub: '1', sid: 'live', username: 'u', role: 'admin', officerId: null });
    await expect(guard.canActivate(context('adminOnly', noExp))).rejects.toMatchObject({ status: 401 });
    await expect(guard.canActivate(context('adminOnly', token('admin', 60, 'ended')))).rejects.toMatchObject({
      status: 401,
    });
  });

  describe('a read alongside the session check', () => {
    /** Passes the guard for the `alongside` endpoint, then reads as readAlongsideSession lets it. */
    async function readAlongside(
      tokenRole: string,
      liveAs: string,
      sid = 'live',
      read?: () => Promise<string>,
    ) {
      const request = {} as RequestWithActor;
      const signed = token(tokenRole, 60, sid);
      liveRole = liveAs;
      await expect(guard.canActivate(context('alongside', signed, request))).resolves.toBe(true);
      const actors: Actor[] = [];
      const answer = readAlongsideSession(request, (actor) => {
        actors.push(actor);
        return read ? read() : Promise.resolve(`page for ${actor.role}`);
      });
      return { request, actors, answer };
    }

    it('answers the read once the session is confirmed, run once as the same account', async () => {
      const { request, actors, answer } = await readAlongside('admin', 'admin');
      await expect(answer).resolves.toBe('page for admin');
      expect(actors).toHaveLength(1);
      expect(request.sessionSettled).toBe(true);
    });

    it('answers 401 for a session that has ended, even when the read failed or succeeded', async () => {
      await expect((await readAlongside('admin', 'admin', 'ended')).answer).rejects.toMatchObject({
        status: 401,
      });
      const failing = () => Promise.reject(new Error('bad filter'));
      const { answer, request } = await readAlongside('admin', 'admin', 'ended', failing);
      await expect(answer).rejects.toMatchObject({ status: 401 });
      expect(request.sessionSettled).toBe(true);
    });

    it('answers 403, audited, when the account lost the role since the token was issued', async () => {
      refusals.length = 0;
      await expect((await readAlongside('admin', 'officer')).answer).rejects.toMatchObject({ status: 403 });
      expect(refusals).toEqual([
        expect.objectContaining({ after: expect.objectContaining({ reason: 'role' }) }),
      ]);
    });

    it('reads again as the account the session has when it is not the token’s', async () => {
      const { actors, answer } = await readAlongside('admin', 'auditor');
      await expect(answer).resolves.toBe('page for auditor');
      // Whether the read began as the token's account depends on when the check answered; what is
      // answered is always the session's.
      expect(actors.at(-1)?.role).toBe('auditor');
    });

    it('drops a read begun as the token’s account when the session’s account differs', async () => {
      const live = sessions.live.bind(sessions);
      const slow = jest
        .spyOn(sessions, 'live')
        .mockImplementation((...args) => new Promise((done) => setTimeout(() => done(live(...args)), 5)));
      try {
        const { actors, answer } = await readAlongside('admin', 'auditor');
        await expect(answer).resolves.toBe('page for auditor');
        expect(actors.map((a) => a.role)).toEqual(['admin', 'auditor']);
      } finally {
        slow.mockRestore();
      }
    });

    it('answers the read’s own error only after a confirmed session', async () => {
      const failing = () => Promise.reject(Object.assign(new Error('bad filter'), { status: 400 }));
      await expect((await readAlongside('admin', 'admin', 'live', failing)).answer).rejects.toMatchObject({
        status: 400,
      });
    });

    it('awaits the session check in the guard when the token’s role may not call the endpoint', async () => {
      const request = {} as RequestWithActor;
      await expect(guard.canActivate(context('alongside', token('officer'), request))).rejects.toMatchObject({
        status: 403,
      });
      expect(request.sessionCheck).toBeUndefined();
    });
  });
});
