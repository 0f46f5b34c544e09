import {
  detectUsageKind,
  mbToKb,
  parseDetailRow,
  parseHundredths,
  parsePeriod,
  parseStartTime,
  parseSummaryRow,
  usageColumns,
} from './usage-file.util';

describe('usage file headers', () => {
  it.each([
    [['手机号码', '记录类型', '开始时间', '方向', '对方号码', '时长秒', '流量KB', 'APN'], 'detail'],
    [[' MSISDN ', 'Type', 'START_TIME', 'extra'], 'detail'],
    [['账期', '手机号码', 'ICCID', '主叫分钟', '国内流量MB', '定向流量MB', '短信条数'], 'summary'],
    [['period', 'msisdn', 'voice_min', 'national_mb', 'apn_mb', 'sms'], 'summary'],
    [['警号', '姓名', '单位'], null],
    [['手机号码', '记录类型'], null],
    [[], null],
  ])('%j is %s', (header, kind) => {
    expect(detectUsageKind(header)).toBe(kind);
  });

  it('finds columns in any order and names what is missing', () => {
    expect(usageColumns('detail', ['开始时间', 'x', '手机号码', '记录类型']).columns).toEqual({
      startTime: 0,
      msisdn: 2,
      type: 3,
    });
    expect(usageColumns('summary', ['账期', '手机号码']).missing).toEqual([
      '主叫分钟 (voice_min)',
      '国内流量MB (national_mb)',
      '定向流量MB (apn_mb)',
      '短信条数 (sms)',
    ]);
  });
});

describe('numbers without floating point error', () => {
  it.each([
    ['0', 0],
    ['0.29', 29],
    ['0.1', 10],
    ['11848.93', 1184893],
    ['1.005', null],
    ['-1', null],
    ['abc', null],
    ['', null],
  ])('parseHundredths(%s) = %s', (text, value) => {
    expect(parseHundredths(text)).toBe(value);
  });

  it.each([
    [0, 0],
    [100, 1024],
    [1, 10], // 0.01 MB = 10.24 KB → 10
    [5, 51], // 0.05 MB = 51.2 KB → 51
    [29, 297], // 0.29 MB = 296.96 KB → 297
    [1184893, 12133304], // 11848.93 MB = 12133304.32 KB
  ])('mbToKb(%i hundredths) = %i KB', (hundredths, kb) => {
    expect(mbToKb(hundredths)).toBe(kb);
  });
});

describe('periods and start times', () => {
  it.each([
    ['202512', '2025-12'],
    ['2026-01', '2026-01'],
    ['202513', null],
    ['2025-1', null],
  ])('parsePeriod(%s) = %s', (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  it.each([
    ['2026-01-01 00:00:00', '2025-12-31T16:00:00.000Z', '2026-01'],
    ['2026-01-31 23:59:59', '2026-01-31T15:59:59.000Z', '2026-01'],
    ['2026-01-31T16:00:00Z', '2026-01-31T16:00:00.000Z', '2026-02'],
    ['2026-01-31T23:59:59+08:00', '2026-01-31T15:59:59.000Z', '2026-01'],
    ['2026-01-01T00:30:00+09:00', '2025-12-31T15:30:00.000Z', '2025-12'],
  ])('%s is %s in period %s', (text, iso, period) => {
    const parsed = parseStartTime(text)!;
    expect(parsed.at.toISOString()).toBe(iso);
    expect(parsed.period).toBe(period);
  });

  it.each(['2026-02-30 10:00:00', '2026-01-01 24:00:00', '2026/01/01 10:00:00', '2026-01-01T10:00:00', 'x'])(
    '%s is not a start time',
    (text) => {
      expect(parseStartTime(text)).toBeNull();
    },
  );
});

describe('detail rows', () => {
  const row = (cells: Record<string, string>) =>
    parseDetailRow({ msisdn: '14780000003', startTime: '2026-01-01 01:05:20', ...cells });

  it.each([
    [
      { type: '语音', direction: '主叫', counterpart: '13****10425', durationS: '61' },
      'voice',
      'out',
      61,
      null,
    ],
    [{ type: 'VOICE', direction: 'MT', durationS: '0' }, 'voice', 'in', 0, null],
    [{ type: '短信', direction: '发送' }, 'sms', 'out', null, null],
    [{ type: 'sms', direction: '接收' }, 'sms', 'in', null, null],
    [{ type: '数据', volumeKb: '388914', apn: 'xjga.xj' }, 'data', null, null, 388914],
  ])('%j is accepted', (cells, type, direction, durationS, volumeKb) => {
    const parsed = row(cells);
    expect(parsed).toMatchObject({
      ok: true,
      value: { type, direction, durationS, volumeKb, period: '2026-01' },
    });
  });

  it.each([
    [{ type: '彩信', direction: '发送' }, 'type', '记录类型应为'],
    [{ type: '', direction: '发送' }, 'type', '必填项为空'],
    [{ type: '语音', direction: '发送', durationS: '5' }, 'direction', '主叫 或 被叫'],
    [{ type: '短信', direction: '主叫' }, 'direction', '发送 或 接收'],
    [{ type: '语音', direction: '主叫', durationS: '-5' }, 'durationS', '不能为负数'],
    [{ type: '语音', direction: '主叫', durationS: '1.5' }, 'durationS', '非负整数'],
    [{ type: '语音', direction: '主叫' }, 'durationS', '必填项为空'],
    [{ type: '数据', volumeKb: '-1' }, 'volumeKb', '不能为负数'],
    [{ type: '数据', direction: '主叫', volumeKb: '1' }, 'direction', '没有方向'],
    [{ type: '短信', direction: '发送', msisdn: '12345' }, 'msisdn', '手机号码'],
    [{ type: '短信', direction: '发送', startTime: '2026-13-01 00:00:00' }, 'startTime', '开始时间应为'],
    [
      { type: '语音', direction: '主叫', durationS: '5', counterpart: '1'.repeat(33) },
      'counterpart',
      '不能超过 32 个字符',
    ],
    [
      { type: '短信', direction: '发送', counterpart: 'x'.repeat(10_000_000) },
      'counterpart',
      '此处 10000000 个',
    ],
    [{ type: '数据', volumeKb: '1', apn: 'a'.repeat(101) }, 'apn', '不能超过 100 个字符'],
  ])('%j is rejected on %s', (cells, field, reason) => {
    const parsed = row(cells);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({
      field,
      reason: expect.objectContaining({ zh: expect.stringContaining(reason) }),
    });
  });

  it('accepts +86 and 86 prefixes', () => {
    expect(row({ msisdn: '+8614780000003', type: '短信', direction: '发送' })).toMatchObject({
      value: { msisdn: '14780000003' },
    });
  });
});

describe('summary rows', () => {
  const base = {
    period: '202512',
    msisdn: '14780000000',
    iccid: '89860000000000000001',
    voiceMin: '435',
    nationalMb: '11848.93',
    apnMb: '20290.71',
    sms: '79',
  };

  it('converts MB to KB exactly and CNY to fen', () => {
    expect(parseSummaryRow({ ...base, carrierOverage: '12.30' })).toEqual({
      ok: true,
      value: {
        period: '2025-12',
        msisdn: '14780000000',
        iccid: '89860000000000000001',
        voiceMin: 435,
        nationalKb: 12133304,
        apnKb: 20777687,
        sms: 79,
        carrierOverageFen: 1230,
      },
    });
  });

  it.each([
    [{ period: '2025/12' }, 'period'],
    [{ voiceMin: '-1' }, 'voiceMin'],
    [{ nationalMb: '1.234' }, 'nationalMb'],
    [{ apnMb: '' }, 'apnMb'],
    [{ sms: 'x' }, 'sms'],
    [{ msisdn: '' }, 'msisdn'],
    [{ carrierOverage: '-3' }, 'carrierOverage'],
  ])('%j is rejected on %s', (cells, field) => {
    const parsed = parseSummaryRow({ ...base, ...cells });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toEqual([field]);
  });
});
