import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';

const jwt = new JwtService({ secret: 'unit-test-secret-unit-test-secret' });
const guard = new AccessGuard(new Reflector(), jwt);

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

const token = (role: string, expiresIn = 60) =>
  jwt.sign({ sub: '1', username: 'u', role, officerId: null }, { expiresIn });

describe('AccessGuard', () => {
  it('lets anyone call a public endpoint', async () => {
    await expect(guard.canActivate(context('open'))).resolves.toBe(true);
  });

  it('refuses an endpoint that declares no roles, even to an admin', async () => {
    await expect(guard.canActivate(context('undeclared', token('admin')))).rejects.toMatchObject({
      status: 403,
    });
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
});
