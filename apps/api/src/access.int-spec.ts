import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@fleet/shared/contracts';
import { ExportRegistry, PUBLIC_KEY, ROLES_KEY } from '@fleet/server/platform';
import { ApiClient, clientsByRole, startTestServer, type TestServer } from '../../../tools/test/test-server';

interface RouteDeclaration {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
}

/** Every controller route the app registered, with what it declares about access. */
function declaredRoutes(server: TestServer): RouteDeclaration[] {
  const discovery = server.app.get(DiscoveryService);
  const scanner = server.app.get(MetadataScanner);
  const reflector = server.app.get(Reflector);
  return discovery.getControllers().flatMap(({ metatype, instance }) => {
    if (!metatype || !instance) return [];
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const targets = [handler, metatype];
      return [
        {
          method,
          path: `/api/${[base, path].filter((p) => p && p !== '/').join('/')}`,
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
        },
      ];
    });
  });
}

describe('route permissions', () => {
  let server: TestServer;
  let clients: Record<Role, ApiClient>;
  let routes: RouteDeclaration[];

  beforeAll(async () => {
    server = await startTestServer();
    const admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    const unit = (await (await admin.request('POST', '/api/units', { name: '测试局' })).json()) as {
      id: number;
    };
    const officer = (await (
      await admin.request('POST', '/api/officers', { badgeNo: '650001', name: '王芳', unitId: unit.id })
    ).json()) as { id: number };
    clients = await clientsByRole(server, officer.id);
    routes = declaredRoutes(server);
  }, 60_000);

  afterAll(() => server?.stop());

  it('finds every route the HTTP server registered under /api', () => {
    const registered = server.app
      .getHttpAdapter()
      .getInstance()
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line: string) => /\/api\//.test(line) && !/docs/.test(line));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(registered.length).toBeGreaterThan(0);
  });

  it('exports every list to exactly the roles of the list, and to no other role', async () => {
    const registry = server.app.get(ExportRegistry);
    const resources = registry.resources();
    // Every list the console offers an export on (api.md's resources and the console's own lists).
    expect(resources).toEqual(
      expect.arrayContaining([
        'units',
        'officers',
        'users',
        'audit-log',
        'devices',
        'sim-cards',
        'plans',
        'apn-profiles',
        'assignments',
        'lost-reports',
        'stocktakes',
        'imports',
        'usage-imports',
        'periods',
        'statements',
        'overages',
        'repair-tickets',
        'installments',
        'outages',
        'sla-credits',
        'invoices',
      ]),
    );
    const answers: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const resource of resources) {
      const list = routes.find((r) => r.method === 'GET' && r.path === `/api/${resource}`);
      const listRoles = [...(list?.roles ?? [])].sort();
      expect([resource, [...registry.find(resource)!.roles].sort()]).toEqual([resource, listRoles]);
      answers[resource] = {};
      expected[resource] = {};
      for (const role of ROLES) {
        // An allowed role gets its file (or, for SLA credits without a contract, a 4xx naming why); never 403.
        const response = await clients[role].request('GET', `/api/exports/${resource}?format=xlsx`);
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
        answers[resource][role] = response.status === 403 ? 'refused' : 'answered';
        expected[resource][role] = listRoles.includes(role) ? 'answered' : 'refused';
      }
    }
    expect(answers).toEqual(expected);
  }, 120_000);

  it('has an access declaration on every route', () => {
    const undeclared = routes.filter((r) => !r.isPublic && !r.roles).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('declares the repair routes with the roles of the repair contract (libs/shared/contracts/src/repairs.ts)', () => {
    const A = 'admin',
      R = 'repair_intake',
      O = 'officer',
      U = 'auditor';
    const expected: Record<string, Role[]> = {
      'GET /api/repair-tickets': [A, R, O, U],
      'GET /api/repair-tickets/:id': [A, R, O, U],
      'POST /api/repair-tickets': [A, R, O],
      'PATCH /api/repair-tickets/:id': [A, R],
      'POST /api/repair-tickets/:id/diagnose': [A, R],
      'POST /api/repair-tickets/:id/liability': [A],
      'POST /api/repair-tickets/:id/send': [A, R],
      'POST /api/repair-tickets/:id/return': [A, R],
      'POST /api/repair-tickets/:id/close': [A, R],
      'POST /api/repair-tickets/:id/cancel': [A, R],
      'POST /api/repair-tickets/:id/approve': [A],
      'POST /api/repair-tickets/:id/reject': [A],
      'GET /api/repair-tickets/:id/events': [A, R, O, U],
      'POST /api/repair-tickets/:id/photos': [A, R, O],
      'GET /api/repair-tickets/:id/photos': [A, R, O, U],
      'GET /api/repair-tickets/:id/photos/:photoId': [A, R, O, U],
      'POST /api/repair-tickets/:id/loaner': [A, R],
      'POST /api/repair-tickets/:id/loaner/return': [A, R],
      'GET /api/repair-tickets/:id/receipt': [A, R, O, U],
      'GET /api/repair-tickets/intake-lookup/:imei': [A, R],
      'GET /api/repair-reports/summary': [A, R, U],
      'GET /api/repair-reports/repeated': [A, R, U],
    };
    const declared = Object.fromEntries(
      routes
        .filter((r) => r.path.startsWith('/api/repair-'))
        .map((r) => [`${r.method} ${r.path}`, [...(r.roles ?? [])].sort()]),
    );
    expect(declared).toEqual(
      Object.fromEntries(Object.entries(expected).map(([route, roles]) => [route, [...roles].sort()])),
    );
  });

  it('declares the contract ledger routes: admin writes, auditor reads, officer and repair intake nothing', () => {
    const read: Role[] = ['admin', 'auditor'];
    const write: Role[] = ['admin'];
    const expected: Record<string, Role[]> = {
      'GET /api/contracts': read,
      'GET /api/contracts/:id': read,
      'POST /api/contracts': write,
      'PUT /api/contracts/:id': write,
      'GET /api/contract/exposure': read,
      'GET /api/installments': read,
      'GET /api/installments/:id': read,
      'GET /api/installments/:id/payments': read,
      'POST /api/installments/:id/payments': write,
      'POST /api/installments/:id/payments/:paymentId/reverse': write,
      'GET /api/outages': read,
      'GET /api/outages/:id': read,
      'POST /api/outages': write,
      'PUT /api/outages/:id': write,
      'POST /api/outages/:id/void': write,
      'GET /api/sla-credits': read,
      'GET /api/invoices': read,
      'GET /api/invoices/:id': read,
      'POST /api/invoices': write,
      'PUT /api/invoices/:id': write,
      'GET /api/periods/:period/bill-check/sla-credits': read,
    };
    const ledger = /^\/api\/(contracts?|installments|outages|sla-credits|invoices)(\/|$)|sla-credits$/;
    const declared = Object.fromEntries(
      routes
        .filter((r) => ledger.test(r.path))
        .map((r) => [`${r.method} ${r.path}`, [...(r.roles ?? [])].sort()]),
    );
    expect(declared).toEqual(
      Object.fromEntries(Object.entries(expected).map(([route, roles]) => [route, [...roles].sort()])),
    );
  });

  it('separates the three administrators (三员分立): accounts for secadmin, the audit log for auditadmin, neither for admin', () => {
    const declared = Object.fromEntries(
      routes
        .filter((r) => /^\/api\/(users|audit-log|auth)\b/.test(r.path))
        .map((r) => [`${r.method} ${r.path}`, r.isPublic ? 'public' : [...(r.roles ?? [])].sort()]),
    );
    const everyone = [...ROLES].sort();
    expect(declared).toEqual({
      'POST /api/auth/login': 'public',
      'POST /api/auth/refresh': 'public',
      'POST /api/auth/logout': everyone,
      'POST /api/auth/password': everyone,
      'GET /api/auth/me': everyone,
      'GET /api/users': ['secadmin'],
      'GET /api/users/:id': ['secadmin'],
      'POST /api/users': ['secadmin'],
      'PUT /api/users/:id': ['secadmin'],
      'DELETE /api/users/:id': ['secadmin'],
      'POST /api/users/:id/sessions/end': ['secadmin'],
      'GET /api/audit-log': ['auditadmin'],
      'GET /api/audit-log/:id': ['auditadmin'],
      'GET /api/audit-log/verify': ['auditadmin'],
    });
    // Every login's own notifications (the bell), whatever its role.
    const bell = routes.filter((r) => r.path.startsWith('/api/notifications'));
    expect(bell.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/notifications',
      'GET /api/notifications/unread-count',
      'POST /api/notifications/:id/read',
      'POST /api/notifications/read-all',
    ]);
    for (const route of bell) expect([...route.roles!].sort()).toEqual(everyone);
    // Nothing else is open to the security or audit administrator, but the officers and units a
    // secadmin reads to link an officer's login.
    const others = routes
      .filter((r) => !r.isPublic && !/^\/api\/(users|audit-log|auth|exports|notifications)\b/.test(r.path))
      .flatMap((r) =>
        (r.roles ?? [])
          .filter((role) => role === 'secadmin' || role === 'auditadmin')
          .map((role) => `${role} ${r.method} ${r.path}`),
      );
    expect(others.sort()).toEqual([
      'secadmin GET /api/officers',
      'secadmin GET /api/officers/:id',
      'secadmin GET /api/units',
      'secadmin GET /api/units/:id',
    ]);
  });

  it('answers 401 without a token and 403 to every role a route excludes', async () => {
    const failures: string[] = [];
    // Logging out would end the client's session; it has tests of its own (auth.int-spec.ts).
    for (const route of routes.filter((r) => !r.isPublic && r.path !== '/api/auth/logout')) {
      const path = route.path.replace(/:\w+/g, '999999');
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
      const anonymous = await new ApiClient(server.baseUrl).request(route.method, path, body);
      if (anonymous.status !== 401)
        failures.push(`${route.method} ${route.path} anonymous → ${anonymous.status}`);
      for (const role of ROLES) {
        const status = (await clients[role].request(route.method, path, body)).status;
        const allowed = route.roles!.includes(role);
        if (!allowed && status !== 403)
          failures.push(`${route.method} ${route.path} ${role} → ${status}, want 403`);
        if (allowed && (status === 401 || status === 403)) {
          failures.push(`${route.method} ${route.path} ${role} → ${status}, want access`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
