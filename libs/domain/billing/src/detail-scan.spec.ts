import {
  DIRECTION_CODE,
  detailColumnIndex,
  emptyScannedDetail,
  scanDetailLine,
  TYPE_CODE,
} from './detail-scan.util';
import { parseDetailRow, usageColumns } from './usage-file.util';

const HEADER = ['手机号码', '记录类型', '开始时间', '方向', '对方号码', '时长秒', '流量KB', 'APN'];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function scan(line: string, header = HEADER) {
  const columns = detailColumnIndex(usageColumns('detail', header).columns);
  const bytes = encoder.encode(line);
  const out = emptyScannedDetail();
  const ok = scanDetailLine(bytes, 0, bytes.length, columns, out);
  const text = (start: number, end: number) =>
    end > start ? decoder.decode(bytes.subarray(start, end)) : null;
  return {
    ok,
    out,
    counterpart: text(out.counterpartStart, out.counterpartEnd),
    duration: text(out.durationStart, out.durationEnd),
    volume: text(out.volumeStart, out.volumeEnd),
    apn: text(out.apnStart, out.apnEnd),
    time: decoder.decode(bytes.subarray(out.time, out.time + 19)),
  };
}

/** The general reader's answer for a line without quotes (a comma split is the CSV split then). */
function general(line: string, header = HEADER) {
  const cells = line.split(',');
  const { columns } = usageColumns('detail', header);
  const record: Record<string, string> = {};
  for (const key in columns) record[key] = cells[columns[key]] ?? '';
  return parseDetailRow(record);
}

describe('scanDetailLine (the fast path of a detail record)', () => {
  it.each([
    ['14780000003,语音,2026-01-01 01:05:20,主叫,13****10425,61,,', TYPE_CODE.voice, DIRECTION_CODE.out],
    ['14780000001,短信,2026-01-01 01:08:51,发送,139****5558,,,', TYPE_CODE.sms, DIRECTION_CODE.out],
    ['14780000001,短信,2026-01-01 01:08:51,接收,139****5558,,,', TYPE_CODE.sms, DIRECTION_CODE.in],
    ['14780000000,数据,2026-01-01 01:52:00,,,,388914,xjga.xj', TYPE_CODE.data, 0],
    ['14780000003,VOICE,2026-01-31 23:59:59,MT,,0,,', TYPE_CODE.voice, DIRECTION_CODE.in],
    ['14780000003,Sms,2026-02-28 00:00:00,mo,10086,,,', TYPE_CODE.sms, DIRECTION_CODE.out],
    ['14780000003,data,2024-02-29 12:00:00,,,,0,', TYPE_CODE.data, 0],
  ])('reads %s the fast way', (line, type, direction) => {
    const fast = scan(line);
    expect(fast.ok).toBe(true);
    expect(fast.out.type).toBe(type);
    expect(fast.out.direction).toBe(direction);
  });

  it('keeps the local time as written, its instant in UTC+8 and its billing month', () => {
    const fast = scan('14780000003,语音,2026-02-01 00:00:00,主叫,,1,,');
    expect(fast.time).toBe('2026-02-01 00:00:00');
    expect(new Date(fast.out.atMs).toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(fast.out.period).toBe(202602);
    expect(fast.out.msisdn).toBe(14780000003);
  });

  it('finds the columns by header, in any order, and reads missing trailing cells as empty', () => {
    const header = ['APN', '流量KB', '开始时间', '记录类型', '手机号码'];
    const fast = scan('cmnet,2048,2026-03-05 10:00:00,数据,13912345678', header);
    expect(fast.ok).toBe(true);
    expect([fast.volume, fast.apn]).toEqual(['2048', 'cmnet']);
    expect(scan('14780000003,语音,2026-01-01 01:05:20,主叫').ok).toBe(false); // no duration: general way
  });

  it.each([
    ['quotes', '"14780000003",语音,2026-01-01 01:05:20,主叫,,61,,'],
    ['+86', '+8614780000003,语音,2026-01-01 01:05:20,主叫,,61,,'],
    ['padding', ' 14780000003,语音,2026-01-01 01:05:20,主叫,,61,,'],
    ['ISO time', '14780000003,语音,2026-01-01T01:05:20+08:00,主叫,,61,,'],
    ['not a day', '14780000003,语音,2026-02-30 01:05:20,主叫,,61,,'],
    ['hour 24', '14780000003,语音,2026-02-03 24:00:00,主叫,,61,,'],
    ['year 0050', '14780000003,语音,0050-02-03 10:00:00,主叫,,61,,'],
    ['unknown type', '14780000003,彩信,2026-01-01 01:05:20,主叫,,61,,'],
    ['SMS word for a call', '14780000003,语音,2026-01-01 01:05:20,发送,,61,,'],
    ['direction on data', '14780000000,数据,2026-01-01 01:52:00,主叫,,,388914,xjga.xj'],
    ['negative duration', '14780000003,语音,2026-01-01 01:05:20,主叫,,-1,,'],
    ['10-digit duration', '14780000003,语音,2026-01-01 01:05:20,主叫,,1234567890,,'],
    ['decimal volume', '14780000000,数据,2026-01-01 01:52:00,,,,1.5,xjga.xj'],
    ['space in APN', '14780000000,数据,2026-01-01 01:52:00,,,,15,xjga xj'],
    ['backslash', '14780000003,短信,2026-01-01 01:05:20,发送,13\\8,,,'],
    ['long counterpart', `14780000003,短信,2026-01-01 01:05:20,发送,${'1'.repeat(33)},,,`],
    ['12 digits', '147800000031,语音,2026-01-01 01:05:20,主叫,,61,,'],
    ['full-width digits', '１4780000003,语音,2026-01-01 01:05:20,主叫,,61,,'],
    ['NUL', '14780000003,语音,2026-01-01 01:05:20,主叫,\u0000,61,,'],
  ])('leaves %s to the general reader', (_what, line) => {
    expect(scan(line).ok).toBe(false);
  });

  it('accepts only what the general reader accepts, with the same values (40,000 generated lines)', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(values: readonly T[]) => values[next(values.length)];
    const types = ['语音', '短信', '数据', 'VOICE', 'sms', 'Data', '彩信', '', ' 语音'];
    const directions = ['主叫', '被叫', '发送', '接收', 'MO', 'mt', '', 'x'];
    const times = [
      '2026-01-01 00:00:00',
      '2026-01-31 23:59:59',
      '2026-02-29 10:00:00',
      '2024-02-29 10:00:00',
      '2026-13-01 10:00:00',
      '2026-1-01 10:00:00',
      '2026-01-01T10:00:00+08:00',
      '',
    ];
    const numbers = ['14780000003', '13912345678', '+8614780000003', '1478000000', '24780000003', ''];
    const amounts = ['0', '61', '007', '-3', '1.5', '', '999999999', '1234567890123', '99999999999999999'];
    const texts = ['', '138****0000', 'xjga.xj', 'CMNET', 'a b', '10086', '中文'];
    let fastCount = 0;
    for (let i = 0; i < 40_000; i += 1) {
      const line = [
        pick(numbers),
        pick(types),
        pick(times),
        pick(directions),
        pick(texts),
        pick(amounts),
        pick(amounts),
        pick(texts),
      ].join(',');
      const fast = scan(line);
      if (!fast.ok) continue;
      fastCount += 1;
      const slow = general(line);
      expect({ line, ok: slow.ok }).toEqual({ line, ok: true });
      if (!slow.ok) continue;
      const v = slow.value;
      const type = { voice: TYPE_CODE.voice, sms: TYPE_CODE.sms, data: TYPE_CODE.data }[v.type];
      const direction = v.direction ? DIRECTION_CODE[v.direction] : 0;
      expect({
        line,
        msisdn: String(fast.out.msisdn),
        type: fast.out.type,
        atMs: fast.out.atMs,
        period: `${Math.floor(fast.out.period / 100)}-${String(fast.out.period % 100).padStart(2, '0')}`,
        direction: fast.out.direction,
        counterpart: fast.counterpart,
        durationS: fast.duration === null ? null : Number(fast.duration),
        volumeKb: fast.volume === null ? null : Number(fast.volume),
        apn: fast.apn,
      }).toEqual({
        line,
        msisdn: v.msisdn,
        type,
        atMs: v.at.getTime(),
        period: v.period,
        direction,
        counterpart: v.counterpart,
        durationS: v.durationS,
        volumeKb: v.volumeKb,
        apn: v.apn,
      });
    }
    // The generator must exercise the fast path, not only the refusals.
    expect(fastCount).toBeGreaterThan(500);
  });

  it('refuses a call longer than the records can hold, naming the column (general reader)', () => {
    const slow = general('14780000003,语音,2026-01-01 01:05:20,主叫,,2147483648,,');
    expect(slow.ok).toBe(false);
    if (!slow.ok) expect(slow.problems[0]).toMatchObject({ field: 'durationS' });
    expect(general('14780000003,语音,2026-01-01 01:05:20,主叫,,2147483647,,').ok).toBe(true);
  });
});
