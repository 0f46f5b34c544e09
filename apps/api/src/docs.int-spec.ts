import { startTestServer, type TestServer } from '../../../tools/test/test-server';

describe('OpenAPI and health', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);

  afterAll(() => server?.stop());

  it('describes the API at /api/docs, with bearer auth and the list parameters', async () => {
    expect((await fetch(`${server.baseUrl}/api/docs`)).status).toBe(200);
    const spec = (await (await fetch(`${server.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/officers', '/api/units/{id}']),
    );
    expect(spec.paths['/api/officers'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['sort', 'range', 'filter']),
    );
    expect(spec.components.securitySchemes).toHaveProperty('bearer');
  });

  it('reports the database, Redis and the queues', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      redis: { ok: true },
      queues: { system: { failed: expect.any(Number) } },
    });
  });
});
