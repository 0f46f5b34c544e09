import { Injectable } from '@nestjs/common';
import {
  scanOutcome,
  type StocktakeDevice,
  stocktakeExpected,
  stocktakeOutcome,
  unitSubtree,
} from '@fleet/domain/inventory';
import type { StocktakeDto, StocktakeScanDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { StocktakeEntity, type StocktakeScanEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  type ListQuery,
  type ListResult,
  type ListSpec,
  ReadService,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DeviceStore } from '../devices/device.store';
import { InventoryLookupReader } from '../inventory-lookup.reader';
import type { CloseStocktakeBody, ScanBody, StartStocktakeBody } from './stocktake.dto';
import { StocktakeStore } from './stocktake.store';

export const STOCKTAKE_LIST: ListSpec = {
  resource: 'stocktakes',
  sortable: ['id', 'unitId', 'status', 'startedAt', 'closedAt'],
  defaultSort: ['startedAt', 'DESC'],
  filters: {
    unitId: { property: 'unitId', type: 'int' },
    status: { property: 'status', type: 'string' },
  },
  search: ['notes'],
};

const RESOURCE = STOCKTAKE_LIST.resource;

/** While open the outcome is computed from the scans; at close it is recorded and stays. */
function toDto(s: StocktakeEntity, scans: readonly StocktakeScanEntity[]): StocktakeDto {
  const outcome = s.result ?? stocktakeOutcome(s.expectedDeviceIds, scans);
  return {
    id: s.id,
    unitId: s.unitId,
    status: s.status,
    startedAt: s.startedAt.toISOString(),
    closedAt: s.closedAt?.toISOString() ?? null,
    expectedDeviceIds: s.expectedDeviceIds,
    foundDeviceIds: outcome.found,
    missingDeviceIds: outcome.missing,
    unexpectedDeviceIds: outcome.unexpected,
    unknownImeis: outcome.unknownImeis,
    notes: s.notes,
  };
}

function toScanDto(scan: StocktakeScanEntity, expected: readonly number[]): StocktakeScanDto {
  return {
    id: scan.id,
    stocktakeId: scan.stocktakeId,
    imei: scan.imei,
    deviceId: scan.deviceId,
    outcome: scanOutcome(expected, scan.deviceId),
    scannedAt: scan.scannedAt.toISOString(),
  };
}

/**
 * Counts (清点): the devices a unit and its sub-units should have are fixed when the count starts;
 * scanned IMEIs are matched to devices; closing records the outcome and ends the scanning.
 */
@Injectable()
export class StocktakesService extends ReadService<StocktakeEntity, StocktakeDto> {
  constructor(
    private readonly store: StocktakeStore,
    private readonly devices: DeviceStore,
    private readonly inventory: InventoryLookupReader,
    private readonly org: OrgLookupReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    super(store.dataSource, StocktakeEntity, STOCKTAKE_LIST);
  }

  /** A count as it stands before its first scan; list and get add the scans. */
  protected toDto(stocktake: StocktakeEntity): StocktakeDto {
    return toDto(stocktake, []);
  }

  override async list(query: ListQuery): Promise<ListResult<StocktakeDto>> {
    const page = await this.store.page(STOCKTAKE_LIST, query);
    const scans = await this.store.scansOfAll(page.items.map((s) => s.id));
    return page.map((s) =>
      toDto(
        s,
        scans.filter((scan) => scan.stocktakeId === s.id),
      ),
    );
  }

  override async get(id: number): Promise<StocktakeDto> {
    const stocktake = await this.load(this.dataSource.manager, id);
    return toDto(stocktake, await this.store.scansOf(id));
  }

  async scans(id: number): Promise<StocktakeScanDto[]> {
    const stocktake = await this.load(this.dataSource.manager, id);
    return (await this.store.scansOf(id)).map((s) => toScanDto(s, stocktake.expectedDeviceIds));
  }

  start(body: StartStocktakeBody, actor: Actor): Promise<StocktakeDto> {
    return this.store.transaction(async (manager) => {
      const unitId = body.unitId ?? null;
      if (unitId !== null && !(await this.org.unitExists(unitId, manager))) {
        throw ApiException.badRequest([
          { field: 'unitId', reason: { zh: '单位不存在', en: 'No such unit' } },
        ]);
      }
      const units = unitId === null ? null : unitSubtree(await this.org.allUnits(manager), unitId);
      const saved = await this.store.create(manager, {
        unitId,
        status: 'open',
        startedByUserId: actor.userId,
        expectedDeviceIds: stocktakeExpected(await this.devicesWithHolderUnit(manager), units),
        notes: body.notes || null,
      });
      const after = this.toDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: RESOURCE,
        resourceId: saved.id,
        after,
      });
      return after;
    });
  }

  /** Records a scanned IMEI; the same IMEI again answers the scan already recorded (`created` false). */
  scan(id: number, body: ScanBody, actor: Actor): Promise<{ created: boolean; scan: StocktakeScanDto }> {
    return this.store.transaction(async (manager) => {
      // The lock orders scans against closing, so no scan lands after the outcome is recorded.
      const stocktake = await this.load(manager, id, true);
      if (stocktake.status === 'closed') throw closedConflict(stocktake);
      const expected = stocktake.expectedDeviceIds;
      const existing = await this.store.scanOf(manager, id, body.imei);
      if (existing) return { created: false, scan: toScanDto(existing, expected) };
      const device = await this.inventory.deviceByImei(body.imei, manager);
      const saved = await this.store.addScan(manager, {
        stocktakeId: id,
        imei: body.imei,
        deviceId: device?.id ?? null,
        scannedByUserId: actor.userId,
      });
      const scan = toScanDto(saved, expected);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'stocktake-scans',
        resourceId: saved.id,
        after: scan,
      });
      return { created: true, scan };
    });
  }

  /** Records the outcome; the count takes no more scans. */
  close(id: number, body: CloseStocktakeBody, actor: Actor): Promise<StocktakeDto> {
    return this.store.transaction(async (manager) => {
      const stocktake = await this.load(manager, id, true);
      if (stocktake.status === 'closed') throw closedConflict(stocktake);
      const scans = await this.store.scansOf(id, manager);
      const before = toDto(stocktake, scans);
      stocktake.result = stocktakeOutcome(stocktake.expectedDeviceIds, scans);
      stocktake.status = 'closed';
      stocktake.closedAt = this.clock.now();
      stocktake.closedByUserId = actor.userId;
      if (body.notes !== undefined) stocktake.notes = body.notes || null;
      const after = toDto(await this.store.save(manager, stocktake), scans);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: RESOURCE,
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Every device with the unit of the officer holding it, for stocktakeExpected. */
  private async devicesWithHolderUnit(manager: EntityManager): Promise<StocktakeDevice[]> {
    const devices = await this.devices.forStocktake(manager);
    const held = devices.flatMap((d) => (d.currentOfficerId === null ? [] : [d.currentOfficerId]));
    const unitOf = await this.org.unitIdsOf([...new Set(held)], manager);
    return devices.map(({ currentOfficerId, ...d }) => ({
      ...d,
      holderUnitId: currentOfficerId === null ? null : (unitOf.get(currentOfficerId) ?? null),
    }));
  }
}

function closedConflict(stocktake: StocktakeEntity): ApiException {
  return ApiException.conflict({
    zh: `清点 ${stocktake.id} 已于 ${stocktake.closedAt?.toISOString()} 结束，不能再扫描或结束`,
    en: `Stocktake ${stocktake.id} was closed at ${stocktake.closedAt?.toISOString()}; it takes no more scans`,
  });
}
