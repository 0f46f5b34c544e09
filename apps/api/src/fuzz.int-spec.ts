import { ROLES } from '@fleet/shared/contracts';
import { Client } from 'pg';
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { clientsByRole, startTestServer, type TestServer } from '../../../tools/test/test-server';

/**
 * Hostile requests generated from the OpenAPI document, sent as every role and anonymously: out of range
 * and loosely written ids, numbers past int32 and 2^53, 1e308, null, NUL and lone surrogates, deep and
 * malformed JSON, hostile list parameters. No answer may be a 5xx, and a refused request (4xx) to an
 * operation that writes must leave the database as it was. Deterministic (a seeded generator), so a
 * failure names a request that can be sent again.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface FuzzCase {
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

/** A small seeded generator (mulberry32), so every run sends the same requests. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_IDS = ['2147483648', '+1', '0x1', '01', '1e3', '-1', '0', '1.5', '%00', '99999999999999999999'];
const HOSTILE_STRINGS = ['%00', '%ED%A0%80', 'x'.repeat(300), '2025-13', '%25'];
const HOSTILE_VALUES: unknown[] = [
  2147483648,
  -2147483649,
  1e308,
  2 ** 53,
  1.5,
  null,
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x'.repeat(20_000),
  '',
  {},
  [],
  true,
  '2147483648',
];
const HOSTILE_QUERY: Record<string, string[]> = {
  filter: [
    '{"id":[1e308]}',
    '{"id":[2147483648]}',
    '{"id":"\\u0000"}',
    '{"q":"\\ud800"}',
    '{"q":"a\\u0000"}',
  ],
  range: ['[0,1e308]', '[2147483648,2147483650]', '[0,24,1]'],
  sort: ['["id\\u0000","ASC"]', '["id","ASC\\ud800"]'],
};
const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  const merged = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (merged) return Object.assign({}, ...merged.map((s) => resolve(document, s)), schema) as Schema;
  return schema;
}

/** A plausible value for a schema: its example, else something of its type. */
function sample(document: OpenApiDocument, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type ?? 'object') {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [sample(document, schema.items, depth + 1)];
    case 'string':
      if (schema.format === 'date') return '2025-12-01';
      if (schema.format === 'date-time') return '2025-12-01T09:00:00+08:00';
      return 'text';
    default:
      // object, and what declares no type
      if (!schema.properties || depth > 3) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([name, s]) => [name, sample(document, s, depth + 1)]),
      );
  }
}

/** Every hostile request the document suggests for one operation. */
function casesOf(document: OpenApiDocument, path: string, method: string, operation: Operation): FuzzCase[] {
  const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
  const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const plainPath = (override?: [string, string]) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (override?.[0] === name) return override[1];
      const schema = resolve(document, pathParams.find((p) => p.name === name)?.schema);
      if (schema.type === 'integer' || schema.type === 'number') return '1';
      if (/period/i.test(name)) return '2025-12';
      return String(sample(document, schema));
    });
  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const validBody = jsonSchema ? sample(document, jsonSchema) : undefined;
  const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });
  const upper = method.toUpperCase();
  // The call as documented first, so every operation is sent by every role, parameters or not.
  const cases: FuzzCase[] = [
    {
      label: 'as documented',
      method: upper,
      url: plainPath(),
      ...(validBody === undefined ? {} : json(validBody)),
    },
  ];

  for (const param of pathParams) {
    const schema = resolve(document, param.schema);
    const numeric = schema.type === 'integer' || schema.type === 'number';
    for (const bad of numeric ? HOSTILE_IDS : HOSTILE_STRINGS) {
      cases.push({
        label: `path ${param.name}=${bad.slice(0, 20)}`,
        method: upper,
        url: plainPath([param.name, bad]),
        ...(validBody === undefined ? {} : json(validBody)),
      });
    }
  }
  for (const param of queryParams) {
    for (const bad of HOSTILE_QUERY[param.name] ?? ['%00', '2147483648', '1e308', '%ED%A0%80']) {
      const value = HOSTILE_QUERY[param.name] ? encodeURIComponent(bad) : bad;
      cases.push({
        label: `query ${param.name}=${bad}`,
        method: upper,
        url: `${plainPath()}?${param.name}=${value}`,
      });
    }
  }
  if (jsonSchema) {
    const url = plainPath();
    cases.push({
      label: 'body nested 5000 deep',
      method: upper,
      url,
      payload: deepJson(5000),
      contentType: 'application/json',
    });
    cases.push({
      label: 'body not JSON',
      method: upper,
      url,
      payload: '{"a":',
      contentType: 'application/json',
    });
    cases.push({ label: 'body null', method: upper, url, payload: 'null', contentType: 'application/json' });
    cases.push({ label: 'body 1e400', method: upper, url, ...json({}), payload: '{"id":1e400}' });
    const properties = Object.keys(resolve(document, jsonSchema).properties ?? {});
    for (const property of properties) {
      for (const bad of HOSTILE_VALUES) {
        const body = { ...(validBody as object), [property]: bad };
        const shown = typeof bad === 'string' ? JSON.stringify(bad.slice(0, 12)) : JSON.stringify(bad);
        cases.push({ label: `body ${property}=${shown}`, method: upper, url, ...json(body) });
      }
    }
  } else if (Object.keys(content).length) {
    const url = plainPath();
    cases.push({
      label: 'upload junk',
      method: upper,
      url,
      payload: Buffer.from('\u0000\u0001junk'),
      contentType: 'application/octet-stream',
    });
    cases.push({
      label: 'upload bad multipart',
      method: upper,
      url,
      payload: '--x\r\n',
      contentType: 'multipart/form-data',
    });
  }
  return cases;
}

/** One text per table (the audit log aside) that changes whenever a row does. */
async function fingerprint(db: Client): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname NOT IN ('audit_log', 'migrations') ORDER BY 1`,
  );
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
    )
    .join(' UNION ALL ');
  const { rows } = await db.query<{ t: string; h: string }>(sql);
  return rows.map((r) => `${r.t}:${r.h}`).join('\n');
}

/**
 * The next transaction id of the PostgreSQL server: a request that wrote anything took one, so while it
 * stays the same no table can have changed and the costly fingerprint is skipped. (Other databases on
 * the server move it too; then the fingerprint decides.)
 */
async function nextXid(db: Client): Promise<string> {
  const { rows } = await db.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x');
  return rows[0].x;
}

describe('fuzzing every operation from the OpenAPI document', () => {
  let server: TestServer;
  let db: Client;
  const tokens: Record<string, string | null> = { anonymous: null };

  beforeAll(async () => {
    server = await startTestServer();
    const fixtures = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fixtures.unit('测试局');
    const officer = await fixtures.officer(unit.id);
    const device = await fixtures.device();
    await fixtures.assign(device, officer.id);
    await fixtures.sim(device.id, 1);
    await fixtures.close();
    // A logged-in client of every role (the three administrators and the business roles).
    const clients = await clientsByRole(server, officer.id);
    for (const role of ROLES) tokens[role] = clients[role].accessToken!;
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  it('answers no request with a 5xx, and a refused one changes nothing', async () => {
    const docs = await server.app.inject({
      method: 'GET',
      url: '/api/docs-json',
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    const document = docs.json<OpenApiDocument>();
    const next = random(12);
    const roles = Object.keys(tokens);
    const errors: string[] = [];
    const changed: string[] = [];
    let sent = 0;
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const cases = casesOf(document, path, method, operation);
        operations += 1;
        // A failed login is counted by design (lockout and throttling): the one refusal that writes.
        const writes = method !== 'get' && path !== '/api/auth/login';
        // The admin reaches validation on every route: every path, query and whole-body case and a
        // seeded third of the hostile values of each body field; the other roles a seeded sample.
        const plan = roles.flatMap((role) =>
          (role === 'admin'
            ? cases.filter(
                (c) => !c.label.startsWith('body ') || c.label === 'as documented' || next() < 0.35,
              )
            : Array.from({ length: 3 }, () => cases[Math.floor(next() * cases.length)])
          ).map((c) => ({ role, c })),
        );
        let before = writes ? await fingerprint(db) : '';
        let xid = writes ? await nextXid(db) : '';
        for (const { role, c } of plan) {
          const response = await server.app.inject({
            method: c.method as 'GET',
            url: c.url,
            payload: c.payload,
            headers: {
              ...(c.contentType ? { 'content-type': c.contentType } : {}),
              ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}),
            },
          });
          sent += 1;
          const where = `${c.method} ${path} as ${role}, ${c.label}`;
          if (response.statusCode >= 500)
            errors.push(`${where} → ${response.statusCode} ${response.body.slice(0, 120)}`);
          if (!writes) continue;
          const nowXid = await nextXid(db);
          if (nowXid === xid) continue;
          xid = nowXid;
          const after = await fingerprint(db);
          if (response.statusCode >= 400 && after !== before)
            changed.push(`${where} → ${response.statusCode}`);
          before = after;
        }
      }
    }
    process.stderr.write(
      `fuzz: ${sent} requests, ${operations} operations, ${errors.length} 5xx, ${changed.length} refused-but-changed\n`,
    );
    expect(operations).toBe(Object.values(document.paths).reduce((n, m) => n + Object.keys(m).length, 0));
    expect(operations).toBeGreaterThan(100);
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect({ errors, changed }).toEqual({ errors: [], changed: [] });
  }, 120_000);
});
