import { type AlertDeviceFacts, type AlertSimFacts, computeAlerts } from './alerts-compute.util';

const device = (id: number, over: Partial<AlertDeviceFacts>): AlertDeviceFacts => ({
  id,
  imei1: `86791206062249${id}`,
  model: 'Mate60',
  status: 'assigned',
  ownership: 'leased',
  warrantyEndOn: '2030-01-01',
  leaseEndOn: null,
  currentOfficerId: null,
  ...over,
});

const sim = (id: number, over: Partial<AlertSimFacts>): AlertSimFacts => ({
  id,
  iccid: `8986000000000000000${id}`,
  msisdn: `1478000000${id}`,
  status: 'active',
  activatedOn: '2025-11-25',
  realNameRegisteredOn: '2025-11-22',
  ...over,
});

const kinds = (alerts: ReturnType<typeof computeAlerts>) =>
  alerts.map((a) => `${a.kind}:${a.resourceId}:${a.daysLeft ?? '-'}`).sort();

describe('computeAlerts', () => {
  const today = '2028-10-21';

  it('raises warranty and lease alerts at the tightest threshold crossed, with the days left', () => {
    const alerts = computeAlerts({
      today,
      contractSignedOn: '2025-11-20',
      devices: [
        device(1, { warrantyEndOn: '2028-11-20' }),
        device(2, { warrantyEndOn: '2028-10-25', leaseEndOn: '2029-01-10' }),
        device(3, { warrantyEndOn: '2028-10-20' }),
        device(4, { warrantyEndOn: '2028-11-20', status: 'retired' }),
        device(5, { leaseEndOn: '2028-11-01', ownership: 'bureau' }),
      ],
      sims: [],
    });
    expect(kinds(alerts)).toEqual(['lease_ending:2:90', 'warranty_ending:1:30', 'warranty_ending:2:7']);
    expect(alerts.find((a) => a.resourceId === 1)).toMatchObject({
      dueOn: '2028-11-20',
      details: { days: 30 },
    });
  });

  it('flags lost devices, SIMs without real-name registration and SIMs not active after the deadline', () => {
    const input = {
      contractSignedOn: '2025-11-20',
      devices: [device(1, { status: 'lost' })],
      sims: [
        sim(1, { realNameRegisteredOn: null }),
        sim(2, { activatedOn: null, status: 'inactive' }),
        sim(3, { activatedOn: '2025-12-25' }),
        sim(4, { activatedOn: null, realNameRegisteredOn: null, status: 'terminated' }),
      ],
    };
    expect(kinds(computeAlerts({ ...input, today: '2025-12-20' }))).toEqual([
      'device_lost:1:-',
      'sim_not_real_name:1:-',
    ]);
    expect(kinds(computeAlerts({ ...input, today: '2025-12-21' }))).toEqual([
      'device_lost:1:-',
      'sim_not_active:2:-',
      'sim_not_active:3:-',
      'sim_not_real_name:1:-',
    ]);
    expect(kinds(computeAlerts({ ...input, today: '2025-12-25' }))).toContain('sim_not_active:2:-');
    expect(kinds(computeAlerts({ ...input, today: '2025-12-25' }))).not.toContain('sim_not_active:3:-');
  });
});
