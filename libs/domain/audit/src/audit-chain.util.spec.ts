import { createHash } from 'node:crypto';
import {
  AUDIT_GENESIS_HASH,
  type AuditChainRow,
  auditChainText,
  auditRowHash,
  canonicalJson,
  type StoredAuditChainRow,
  verifyAuditChain,
} from './audit-chain.util';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function chain(rows: AuditChainRow[]): StoredAuditChainRow[] {
  let prevHash = AUDIT_GENESIS_HASH;
  return rows.map((row) => {
    const hash = auditRowHash(row, prevHash, sha256);
    const stored = { ...row, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}

const row = (id: number, after: unknown = { n: id }): AuditChainRow => ({
  id,
  at: new Date(Date.UTC(2026, 11, 6, 3, 0, id, 123)),
  userId: 1,
  username: 'admin',
  ip: '127.0.0.1',
  action: 'update',
  resource: 'devices',
  resourceId: String(id),
  before: null,
  after,
});

describe('canonicalJson', () => {
  it('sorts keys at every level, so jsonb key order does not change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('writes dates as ISO text, leaves out undefined members and escapes text as JSON does', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00.123Z'), gone: undefined })).toBe(
      '{"at":"2026-01-01T00:00:00.123Z"}',
    );
    expect(canonicalJson('引号"\n')).toBe('"引号\\"\\n"');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('auditChainText', () => {
  it('covers every field and the previous hash', () => {
    const base = auditChainText(row(1), AUDIT_GENESIS_HASH);
    const variants: AuditChainRow[] = [
      { ...row(1), id: 2 },
      { ...row(1), at: new Date(row(1).at.getTime() + 1) },
      { ...row(1), userId: 2 },
      { ...row(1), username: 'admin2' },
      { ...row(1), ip: '10.0.0.1' },
      { ...row(1), action: 'delete' },
      { ...row(1), resource: 'sims' },
      { ...row(1), resourceId: null },
      { ...row(1), before: {} },
      { ...row(1), after: { n: 2 } },
    ];
    for (const variant of variants) expect(auditChainText(variant, AUDIT_GENESIS_HASH)).not.toBe(base);
    expect(auditChainText(row(1), 'f'.repeat(64))).not.toBe(base);
    // A value cannot slide from one field into the next.
    expect(auditChainText({ ...row(1), username: 'a', ip: 'b' }, AUDIT_GENESIS_HASH)).not.toBe(
      auditChainText({ ...row(1), username: 'a","b', ip: null }, AUDIT_GENESIS_HASH),
    );
  });
});

describe('verifyAuditChain', () => {
  const rows = chain([row(1), row(2), row(4), row(7)]);

  it('accepts an unbroken chain (gaps in ids are rolled-back appends) and counts it', () => {
    expect(verifyAuditChain(rows, sha256)).toEqual({ ok: true, count: 4, lastHash: rows[3].hash });
    expect(verifyAuditChain([], sha256)).toEqual({ ok: true, count: 0, lastHash: AUDIT_GENESIS_HASH });
  });

  it('continues from the previous batch', () => {
    const first = verifyAuditChain(rows.slice(0, 2), sha256);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyAuditChain(rows.slice(2), sha256, first.lastHash, first.count)).toEqual({
      ok: true,
      count: 4,
      lastHash: rows[3].hash,
    });
  });

  it('names a changed row', () => {
    const tampered = rows.map((r) => (r.id === 4 ? { ...r, after: { n: 5 } } : r));
    expect(verifyAuditChain(tampered, sha256)).toEqual({ ok: false, count: 2, brokenId: 4, reason: 'hash' });
  });

  it('names the row after a removed one, and a row whose hash was recomputed breaks the next', () => {
    expect(verifyAuditChain([rows[0], rows[2], rows[3]], sha256)).toEqual({
      ok: false,
      count: 1,
      brokenId: 4,
      reason: 'prev_hash',
    });
    const changed = { ...rows[1], after: { n: 99 } };
    const rehashed = { ...changed, hash: auditRowHash(changed, changed.prevHash, sha256) };
    expect(verifyAuditChain([rows[0], rehashed, rows[2], rows[3]], sha256)).toEqual({
      ok: false,
      count: 2,
      brokenId: 4,
      reason: 'prev_hash',
    });
  });
});
