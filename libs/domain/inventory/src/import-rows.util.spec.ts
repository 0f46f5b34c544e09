import {
  matchHeader,
  notARosterMessage,
  parentsFirst,
  parseDeviceRow,
  parseImportDate,
  parseOfficerRow,
  parseSimRow,
  parseUnitRow,
} from './import-rows.util';

describe('matchHeader', () => {
  it('finds the columns of the Chinese sample headers', () => {
    const match = matchHeader('sim_cards', [
      'ICCID',
      '手机号码',
      'APN配置',
      '开通日期',
      '实名登记日期',
      '终端IMEI1',
      '卡槽',
    ]);
    expect(match.missing).toEqual([]);
    expect(match.columns).toEqual({
      iccid: 0,
      msisdn: 1,
      apnProfile: 2,
      activatedOn: 3,
      realNameRegisteredOn: 4,
      deviceImei1: 5,
      slot: 6,
    });
  });

  it('accepts English names whatever their case, spaces and underscores', () => {
    const match = matchHeader('officers', [' Badge_No ', 'NAME', 'unit', 'Mobile', 'status']);
    expect(match.missing).toEqual([]);
    expect(match.columns).toMatchObject({ badgeNo: 0, name: 1, unit: 2, mobile: 3, status: 4 });
  });

  it('names the required columns a file lacks', () => {
    const match = matchHeader('devices', ['ICCID', '手机号码']);
    expect(match.missing.map((f) => f.key)).toEqual(['model', 'imei1', 'receivedOn']);
    expect(notARosterMessage('devices', match.missing)).toEqual({
      zh: '文件不是设备清单：找不到表头中的列 型号、IMEI1、收货日期',
      en: 'The file is not a device list: the header has no column model, IMEI 1, received on',
    });
  });
});

describe('row parsing', () => {
  const device = {
    model: 'HUAWEI Mate60',
    imei1: '867912060622493',
    imei2: '867912060622501',
    serialNumber: 'HWK8',
    receivedOn: '2025/11/20',
    dualSystem: 'yes',
  };

  it('derives the warranty end of a device and normalizes its dates', () => {
    expect(parseDeviceRow(device)).toEqual({
      ok: true,
      value: { ...device, receivedOn: '2025-11-20', warrantyEndOn: '2028-11-20', dualSystem: true },
    });
  });

  it('reports every problem of a row, each naming its column, in Chinese and English', () => {
    const result = parseDeviceRow({ ...device, imei1: '867912060622494', receivedOn: '2025-02-30' });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'imei1',
          reason: { zh: expect.stringContaining('校验位'), en: expect.stringContaining('check digit') },
        },
        {
          field: 'receivedOn',
          reason: { zh: expect.stringContaining('收货日期'), en: expect.stringContaining('date') },
        },
      ],
    });
  });

  it('leaves out the fields whose column the file lacks', () => {
    const result = parseDeviceRow({ model: 'M', imei1: '867912060622493', receivedOn: '2025-11-20' });
    expect(result.ok && Object.keys(result.value).sort()).toEqual([
      'imei1',
      'model',
      'receivedOn',
      'warrantyEndOn',
    ]);
  });

  it('derives the plan end of a SIM and wants a slot when a device is named', () => {
    const sim = { iccid: '89860000000000000001', msisdn: '+86 147 8000 0000', activatedOn: '2025-11-25' };
    expect(parseSimRow(sim)).toEqual({
      ok: true,
      value: {
        iccid: '89860000000000000001',
        msisdn: '14780000000',
        activatedOn: '2025-11-25',
        planEndsOn: '2028-10-31',
      },
    });
    const noSlot = parseSimRow({ ...sim, deviceImei1: '867912060622493', slot: '' });
    expect(!noSlot.ok && noSlot.problems.map((p) => p.field)).toEqual(['slot']);
    const badSlot = parseSimRow({ ...sim, deviceImei1: '867912060622493', slot: '3' });
    expect(!badSlot.ok && badSlot.problems[0].reason.en).toBe('slot must be 1 or 2');
  });

  it('checks a badge number against the configured pattern and reads Chinese statuses', () => {
    expect(parseOfficerRow({ badgeNo: '65100', name: '张伟', unit: '城关派出所' }).ok).toBe(false);
    expect(parseOfficerRow({ badgeNo: 'A65100', name: '张伟', unit: '城关派出所' }, /^A\d{5}$/).ok).toBe(
      true,
    );
    expect(
      parseOfficerRow({ badgeNo: '651003', name: '张伟', unit: '交警大队', status: '退休' }),
    ).toMatchObject({
      ok: true,
      value: { status: 'retired' },
    });
  });

  it('refuses a unit that is its own parent', () => {
    expect(parseUnitRow({ name: '交警大队', parent: '交警大队' }).ok).toBe(false);
    expect(parseUnitRow({ name: '交警大队', parent: '' })).toEqual({
      ok: true,
      value: { name: '交警大队', parent: null },
    });
  });

  it.each([
    ['2025-11-20', '2025-11-20'],
    ['2025/1/5', '2025-01-05'],
    ['2025年1月5日', '2025-01-05'],
    ['2025-02-29', null],
    ['20251120', null],
  ])('reads %j as the date %j', (raw, expected) => {
    expect(parseImportDate(raw)).toBe(expected);
  });
});

describe('parentsFirst', () => {
  it('puts each unit after its parent, keeping file order otherwise', () => {
    const units = [
      { name: '中队', parent: '派出所' },
      { name: '派出所', parent: '局' },
      { name: '大队', parent: '局' },
      { name: '局', parent: null },
    ];
    expect(parentsFirst(units).map((i) => units[i].name)).toEqual(['局', '派出所', '大队', '中队']);
  });

  it('survives a cycle', () => {
    expect(
      parentsFirst([
        { name: 'a', parent: 'b' },
        { name: 'b', parent: 'a' },
      ]).sort(),
    ).toEqual([0, 1]);
  });
});
