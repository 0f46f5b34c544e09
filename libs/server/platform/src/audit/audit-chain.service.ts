import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIT_GENESIS_HASH,
  type AuditChainResult,
  type StoredAuditChainRow,
  verifyAuditChain,
} from '@fleet/domain/audit';
import type { AuditChainVerifyDto } from '@fleet/shared/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Lang } from '../i18n/lang';
import { sha256Hex } from './audit.service';

const BATCH = 1000;

interface RawChainRow {
  id: number;
  at: Date;
  user_id: number | null;
  username: string | null;
  ip: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

function toChainRow(raw: RawChainRow): StoredAuditChainRow {
  return {
    id: raw.id,
    at: raw.at,
    userId: raw.user_id,
    username: raw.username,
    ip: raw.ip,
    action: raw.action,
    resource: raw.resource,
    resourceId: raw.resource_id,
    before: raw.before,
    after: raw.after,
    prevHash: raw.prev_hash,
    hash: raw.hash,
  };
}

/** Walks the whole audit chain in id order, a batch at a time, in one snapshot of the database. */
export async function verifyAuditLogChain(dataSource: DataSource): Promise<AuditChainResult> {
  return dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
    let result: AuditChainResult = { ok: true, count: 0, lastHash: AUDIT_GENESIS_HASH };
    let afterId = 0;
    for (;;) {
      const rows = await manager.query<RawChainRow[]>(
        `SELECT "id", "at", "user_id", "username", "ip", "action", "resource", "resource_id", "before", "after",
                "prev_hash", "hash"
           FROM "audit_log" WHERE "id" > $1 ORDER BY "id" LIMIT $2`,
        [afterId, BATCH],
      );
      if (!rows.length || !result.ok) return result;
      result = verifyAuditChain(rows.map(toChainRow), sha256Hex, result.lastHash, result.count);
      afterId = rows[rows.length - 1].id;
    }
  });
}

export function describeAuditChain(result: AuditChainResult, lang: Lang): AuditChainVerifyDto {
  if (result.ok) {
    return {
      ok: true,
      count: result.count,
      brokenId: null,
      reason: null,
      message:
        lang === 'en'
          ? `Audit chain intact: ${result.count} rows verified.`
          : `审计链完整：已验证 ${result.count} 条记录。`,
    };
  }
  const what =
    result.reason === 'hash'
      ? { zh: '内容被篡改', en: 'its content was changed' }
      : {
          zh: '与前一条记录的链接断开（有记录被删除或插入）',
          en: 'its link to the row before is broken (a row was removed or inserted)',
        };
  return {
    ok: false,
    count: result.count,
    brokenId: result.brokenId,
    reason: result.reason,
    message:
      lang === 'en'
        ? `Audit chain broken at row ${result.brokenId}: ${what.en}. ${result.count} rows before it verified.`
        : `审计链在第 ${result.brokenId} 号记录处断开：${what.zh}。此前 ${result.count} 条记录验证通过。`,
  };
}

@Injectable()
export class AuditChainService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(lang: Lang): Promise<AuditChainVerifyDto> {
    return describeAuditChain(await verifyAuditLogChain(this.dataSource), lang);
  }
}
