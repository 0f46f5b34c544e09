import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock } from '@fleet/server/config';
import { JwtService } from '@nestjs/jwt';
import { Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';

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
}

function context(handler: keyof Endpoints, token?: string): ExecutionContext {
  const request = {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    method: 'GET',
    url: '/x',
    ip: '127.0.0.1',
  };
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
});
