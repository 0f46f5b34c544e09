import { Client } from 'pg';
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';

/**
 * The lists run one statement for page and total with raw rows mapped without the ORM (findList): they
 * must answer exactly what a plain SQL query over the same rows answers, fields, order and total.
 */
describe('lists against direct SQL', () => {
  let server: TestServer;
  let admin: ApiClient;
  let db: Client;
  let unit: number;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO units (name) SELECT '派出所' || i FROM generate_series(1, 5) i`);
    unit = (await db.query<{ id: number }>(`SELECT min(id)::int AS id FROM units`)).rows[0].id;
    await db.query(
      `INSERT INTO officers (badge_no, name, unit_id, mobile, status)
       SELECT lpad(i::text, 6, '0'), substr('张王李赵刘', i % 5 + 1, 1) || substr('伟芳娜敏静', i / 5 % 5 + 1, 1),
              $1 + i % 5, CASE WHEN i % 7 > 0 THEN '139' || lpad(i::text, 8, '0') END,
              CASE WHEN i % 10 < 8 THEN 'active' WHEN i % 10 < 9 THEN 'transferred' ELSE 'retired' END
         FROM generate_series(1, 300) i`,
      [unit],
    );
    await db.query(
      `INSERT INTO devices (model, imei1, imei2, serial_number, dual_system, received_on, lease_start_on,
                            lease_end_on, warranty_end_on, status, current_officer_id, unit_id, notes)
       SELECT (ARRAY['HUAWEI Mate60', 'Honor X50', 'ZTE Axon 50'])[i % 3 + 1], '8679' || lpad(i::text, 11, '0'),
              CASE WHEN i % 4 > 0 THEN '8680' || lpad(i::text, 11, '0') END,
              CASE WHEN i % 5 > 0 THEN 'SN_' || lpad(i::text, 6, '0') END, i % 2 = 0,
              date '2025-01-01' + i % 40, CASE WHEN i % 3 > 0 THEN date '2025-02-01' END,
              CASE WHEN i % 3 > 0 THEN date '2028-02-01' END, date '2028-01-01' + i % 40,
              CASE WHEN i % 10 < 6 THEN 'assigned' WHEN i % 10 < 9 THEN 'in_stock' ELSE 'in_repair' END,
              CASE WHEN i % 10 < 6 THEN o.id END, $1 + i % 5, CASE WHEN i % 9 = 0 THEN '备注 ' || i END
         FROM generate_series(1, 300) i JOIN officers o ON o.badge_no = lpad(i::text, 6, '0')`,
      [unit],
    );
    await db.query(
      `INSERT INTO sim_cards (iccid, msisdn, activated_on, plan_ends_on, status, device_id, slot)
       SELECT '8986' || lpad(i::text, 16, '0'), '147' || lpad(i::text, 8, '0'),
              CASE WHEN i % 6 > 0 THEN date '2025-03-01' + i % 30 END, NULL,
              CASE WHEN i % 10 < 7 THEN 'active' WHEN i % 10 < 9 THEN 'inactive' ELSE 'suspended' END,
              CASE WHEN i % 4 > 0 THEN d.id END, CASE WHEN i % 4 > 0 THEN 1 + i % 2 END
         FROM generate_series(1, 300) i JOIN devices d ON d.imei1 = '8679' || lpad(i::text, 11, '0')`,
    );
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  const DEVICE_COLUMNS = `id, model, imei1, imei2, serial_number AS "serialNumber", dual_system AS "dualSystem",
    to_char(received_on, 'YYYY-MM-DD') AS "receivedOn", to_char(lease_start_on, 'YYYY-MM-DD') AS "leaseStartOn",
    to_char(lease_end_on, 'YYYY-MM-DD') AS "leaseEndOn", to_char(warranty_end_on, 'YYYY-MM-DD') AS "warrantyEndOn",
    status, ownership, current_officer_id AS "currentOfficerId", unit_id AS "unitId", notes`;
  const OFFICER_COLUMNS = `id, badge_no AS "badgeNo", name, unit_id AS "unitId", mobile, status`;
  const SIM_COLUMNS = `id, iccid, msisdn, apn_profile_id AS "apnProfileId", plan_id AS "planId",
    to_char(activated_on, 'YYYY-MM-DD') AS "activatedOn", to_char(plan_ends_on, 'YYYY-MM-DD') AS "planEndsOn",
    to_char(real_name_registered_on, 'YYYY-MM-DD') AS "realNameRegisteredOn", status, device_id AS "deviceId", slot`;

  /** The API's page and total, and the same from SQL: `where` and `order` as PostgreSQL would say them. */
  async function compare(
    resource: string,
    table: string,
    columns: string,
    params: { sort?: unknown; range: [number, number]; filter?: unknown },
    sql: { where: string; order: string; values?: unknown[] },
  ): Promise<number> {
    const query = new URLSearchParams({ range: JSON.stringify(params.range) });
    if (params.sort) query.set('sort', JSON.stringify(params.sort));
    if (params.filter) query.set('filter', JSON.stringify(params.filter));
    const response = await admin.request('GET', `/api/${resource}?${query.toString()}`);
    expect(response.status).toBe(200);
    const [from, to] = params.range;
    const values = sql.values ?? [];
    const { rows } = await db.query(
      `SELECT ${columns} FROM ${table} WHERE ${sql.where} ORDER BY ${sql.order}, id
       LIMIT ${to - from + 1} OFFSET ${from}`,
      values,
    );
    const total = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${sql.where}`, values)
    ).rows[0].n;
    expect(await response.json()).toEqual(rows);
    expect(response.headers.get('content-range')).toBe(
      rows.length ? `${resource} ${from}-${from + rows.length - 1}/${total}` : `${resource} */${total}`,
    );
    return total;
  }

  it('devices: first page, filters, q, a deep page and a page past the end', async () => {
    expect(
      await compare('devices', 'devices', DEVICE_COLUMNS, { range: [0, 24] }, { where: 'true', order: 'id' }),
    ).toBe(300);
    const filtered = await compare(
      'devices',
      'devices',
      DEVICE_COLUMNS,
      { range: [0, 9], sort: ['receivedOn', 'DESC'], filter: { status: 'in_stock', unitId: unit + 2 } },
      { where: `status = 'in_stock' AND unit_id = $1`, order: 'received_on DESC', values: [unit + 2] },
    );
    expect(filtered).toBeGreaterThan(10);
    // `_` is a literal underscore in q, not LIKE's any-character.
    expect(
      await compare(
        'devices',
        'devices',
        DEVICE_COLUMNS,
        { range: [0, 24], sort: ['model', 'ASC'], filter: { q: 'sn_0001' } },
        {
          where: `imei1 ILIKE '%sn\\_0001%' OR imei2 ILIKE '%sn\\_0001%' OR serial_number ILIKE '%sn\\_0001%' OR model ILIKE '%sn\\_0001%'`,
          order: 'model ASC',
        },
      ),
    ).toBeGreaterThan(0);
    await compare(
      'devices',
      'devices',
      DEVICE_COLUMNS,
      { range: [270, 299], sort: ['warrantyEndOn', 'DESC'], filter: { warrantyEndOn_lte: '2028-01-30' } },
      { where: `warranty_end_on <= '2028-01-30'`, order: 'warranty_end_on DESC' },
    );
    expect(
      await compare(
        'devices',
        'devices',
        DEVICE_COLUMNS,
        { range: [400, 409], filter: { status: 'assigned' } },
        { where: `status = 'assigned'`, order: 'id' },
      ),
    ).toBe(180);
  });

  it('officers and SIM cards: filters, q, ids and a deep page', async () => {
    await compare(
      'officers',
      'officers',
      OFFICER_COLUMNS,
      { range: [0, 24], filter: { status: 'active', unitId: unit } },
      { where: `status = 'active' AND unit_id = $1`, order: 'badge_no ASC', values: [unit] },
    );
    expect(
      await compare(
        'officers',
        'officers',
        OFFICER_COLUMNS,
        { range: [0, 24], sort: ['name', 'DESC'], filter: { q: '张伟' } },
        {
          where: `name ILIKE '%张伟%' OR badge_no ILIKE '%张伟%' OR mobile ILIKE '%张伟%'`,
          order: 'name DESC',
        },
      ),
    ).toBeGreaterThan(0);
    await compare(
      'officers',
      'officers',
      OFFICER_COLUMNS,
      { range: [280, 299], sort: ['unitId', 'DESC'] },
      { where: 'true', order: 'unit_id DESC' },
    );
    await compare(
      'sim-cards',
      'sim_cards',
      SIM_COLUMNS,
      { range: [0, 49], sort: ['activatedOn', 'ASC'], filter: { status: ['active', 'suspended'] } },
      { where: `status IN ('active', 'suspended')`, order: 'activated_on ASC' },
    );
    await compare(
      'sim-cards',
      'sim_cards',
      SIM_COLUMNS,
      { range: [0, 24], filter: { q: '1470000012', id: [12, 13, 120, 299] } },
      {
        where: `(iccid ILIKE '%1470000012%' OR msisdn ILIKE '%1470000012%') AND id IN (12, 13, 120, 299)`,
        order: 'id',
      },
    );
    await compare(
      'sim-cards',
      'sim_cards',
      SIM_COLUMNS,
      { range: [250, 299], sort: ['deviceId', 'DESC'] },
      { where: 'true', order: 'device_id DESC' },
    );
  });
});
