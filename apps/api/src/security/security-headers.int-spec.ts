import { InventoryFixtures } from '../../../../tools/test/inventory-fixtures';
import { ApiClient, startTestServer, type TestServer } from '../../../../tools/test/test-server';

/** Issue 12 item 4: headers on the console, the API and print pages; origins; the docs behind the login. */
describe('security headers, origins and the API docs', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({
      API_DOCS: 'login',
      CORS_ORIGINS: 'https://console.bureau.example',
      TRUST_PROXY: '127.0.0.1',
    });
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
  }, 60_000);

  afterAll(() => server?.stop());

  const expectSecurityHeaders = (response: Response) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  };

  it('sends them on the console, the API, errors and a printable page', async () => {
    const console = await fetch(`${server.baseUrl}/`);
    expectSecurityHeaders(console);
    expectSecurityHeaders(await fetch(`${server.baseUrl}/api/health`));
    expectSecurityHeaders(await fetch(`${server.baseUrl}/api/units`));
    const fx = await InventoryFixtures.connect(server.databaseUrl);
    const officer = await fx.officer((await fx.unit('打印测试所')).id);
    const device = await fx.device();
    await fx.close();
    const assigned = await admin.request('POST', `/api/devices/${device.id}/assign`, {
      officerId: officer.id,
    });
    expect(assigned.status).toBe(201);
    const assignment = (await assigned.json()) as { id: number };
    const receipt = await admin.request('GET', `/api/assignments/${assignment.id}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(receipt);
  });

  it('sends HSTS only on answers that went over TLS', async () => {
    expect((await fetch(`${server.baseUrl}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    const overTls = await fetch(`${server.baseUrl}/api/health`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overTls.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
  });

  it('lets only the listed origin call the API from a browser, without credentials', async () => {
    const allowed = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://console.bureau.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.bureau.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const foreign = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${server.baseUrl}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows the API docs to logged-in users only', async () => {
    expect((await fetch(`${server.baseUrl}/api/docs`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/docs-json`)).status).toBe(401);
    expect((await admin.request('GET', '/api/docs-json')).status).toBe(200);
    const ended = new ApiClient(server.baseUrl);
    await ended.login(server.admin.username, server.admin.password);
    await ended.request('POST', '/api/auth/logout');
    expect((await ended.request('GET', '/api/docs-json')).status).toBe(401);
  });
});
