import { Injectable } from '@nestjs/common';
import { parseImei } from '@fleet/domain/identifiers';
import { leaseEndOn, warrantyEndOn } from '@fleet/domain/inventory';
import type { DeviceDto } from '@fleet/shared/contracts';
import { DeviceEntity } from '@fleet/server/persistence';
import { OrgLookupReader } from '@fleet/server/feature-org';
import {
  type Actor,
  ApiException,
  AuditService,
  CrudService,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { CustodyReader } from '../custody/custody.reader';
import { InventoryLookupReader } from '../inventory-lookup.reader';
import { pick, refuseChanges, without } from '../shared/crud-helpers';
import { officerScope } from '../shared/officer-scope';
import type { CreateDeviceBody, UpdateDeviceBody } from './device.dto';
import { DeviceStore } from './device.store';

export const DEVICE_LIST: ListSpec = {
  resource: 'devices',
  sortable: ['id', 'model', 'imei1', 'serialNumber', 'receivedOn', 'warrantyEndOn', 'leaseEndOn', 'status'],
  defaultSort: ['id', 'ASC'],
  filters: {
    status: { property: 'status', type: 'string' },
    ownership: { property: 'ownership', type: 'string' },
    currentOfficerId: { property: 'currentOfficerId', type: 'int' },
    unitId: { property: 'unitId', type: 'int' },
    warrantyEndOn_lte: { property: 'warrantyEndOn', type: 'moment', op: 'lte' },
    warrantyEndOn_gte: { property: 'warrantyEndOn', type: 'moment', op: 'gte' },
  },
  search: ['imei1', 'imei2', 'serialNumber', 'model'],
};

/** The columns that make a device's wire form. */
const DEVICE_FIELDS = [
  'id',
  'model',
  'imei1',
  'imei2',
  'serialNumber',
  'dualSystem',
  'receivedOn',
  'leaseStartOn',
  'leaseEndOn',
  'warrantyEndOn',
  'status',
  'ownership',
  'currentOfficerId',
  'unitId',
  'notes',
] as const;

const FOLLOWED = [
  {
    field: 'status',
    zh: '状态随领用、归还等事件变化，不能直接修改',
    en: 'status follows custody events (assign, return…) and cannot be edited',
  },
  {
    field: 'currentOfficerId',
    zh: '当前持有人随领用、归还变化，请使用领用或归还',
    en: 'the current holder follows assignments; use assign or return',
  },
  {
    field: 'warrantyEndOn',
    zh: '保修截止日期由收货日期推算，不能直接修改',
    en: 'the warranty end is derived from the date received and cannot be edited',
  },
] as const;

/** Devices (警务通终端). An officer login sees only the device it holds; any other answers 404. */
@Injectable()
export class DevicesService extends CrudService<DeviceEntity, DeviceDto, CreateDeviceBody, UpdateDeviceBody> {
  constructor(
    private readonly store: DeviceStore,
    private readonly custody: CustodyReader,
    private readonly inventory: InventoryLookupReader,
    private readonly org: OrgLookupReader,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, DeviceEntity, DEVICE_LIST);
  }

  toDto(device: DeviceEntity): DeviceDto {
    return pick(device, DEVICE_FIELDS);
  }

  protected override toValues(input: CreateDeviceBody | UpdateDeviceBody): Partial<DeviceEntity> {
    return without(
      super.toValues(input),
      FOLLOWED.map((f) => f.field),
    );
  }

  /**
   * Checks a create or an edit and derives what follows from it: the warranty end from the date
   * received, the lease end from the lease start when not given.
   */
  protected async validate(
    manager: EntityManager,
    values: Partial<DeviceEntity>,
    existing: DeviceEntity | null,
  ): Promise<void> {
    const imei1 = values.imei1 ?? existing?.imei1;
    const imei2 = values.imei2 === undefined ? (existing?.imei2 ?? null) : values.imei2;
    if (imei1 && imei2 && imei1 === imei2) {
      throw ApiException.badRequest([
        { field: 'imei2', reason: { zh: 'IMEI2 不能与 IMEI1 相同', en: 'IMEI 2 must differ from IMEI 1' } },
      ]);
    }
    await this.store.lockImeis(manager);
    for (const [field, imei] of [
      ['imei1', values.imei1],
      ['imei2', values.imei2],
    ] as const) {
      if (!imei) continue;
      const other = await this.inventory.deviceByImei(imei, manager);
      if (other && other.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `IMEI ${imei} 已登记在终端 ${other.model}（编号 ${other.id}，IMEI1 ${other.imei1}）`,
            en: `IMEI ${imei} is already registered to device ${other.model} (id ${other.id}, IMEI 1 ${other.imei1})`,
          },
          field,
        );
      }
    }
    if (values.serialNumber) {
      const other = await this.store.withSerialNumber(manager, values.serialNumber);
      if (other && other.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `序列号 ${values.serialNumber} 已登记在终端编号 ${other.id}（IMEI1 ${other.imei1}）`,
            en: `Serial number ${values.serialNumber} is already registered to device ${other.id} (IMEI 1 ${other.imei1})`,
          },
          'serialNumber',
        );
      }
    }
    if (values.unitId != null && !(await this.org.unitExists(values.unitId, manager))) {
      throw ApiException.badRequest([{ field: 'unitId', reason: { zh: '单位不存在', en: 'No such unit' } }]);
    }
    this.derive(values, existing);
  }

  private derive(values: Partial<DeviceEntity>, existing: DeviceEntity | null): void {
    const receivedOn = values.receivedOn ?? existing!.receivedOn;
    values.warrantyEndOn = warrantyEndOn(receivedOn);
    if (values.leaseStartOn && values.leaseEndOn === undefined) {
      values.leaseEndOn = leaseEndOn(values.leaseStartOn);
    }
    const start = values.leaseStartOn === undefined ? existing?.leaseStartOn : values.leaseStartOn;
    const end = values.leaseEndOn === undefined ? existing?.leaseEndOn : values.leaseEndOn;
    if (start && end && end <= start) {
      throw ApiException.badRequest([
        {
          field: 'leaseEndOn',
          reason: { zh: '租赁结束日期应晚于开始日期', en: 'The lease must end after it starts' },
        },
      ]);
    }
  }

  override async update(id: number, input: UpdateDeviceBody, actor: Actor): Promise<DeviceDto> {
    const current = await this.get(id);
    refuseChanges({ ...input }, { ...current }, FOLLOWED);
    return super.update(id, input, actor);
  }

  /** A device with custody history is evidence; only one registered by mistake may be deleted. */
  override async remove(id: number, actor: Actor): Promise<DeviceDto> {
    const history = await this.custody.countOfDevice(id);
    if (history > 0) {
      throw ApiException.conflict({
        zh: `该终端已有 ${history} 条领用或装卡记录，不能删除（可改为报废）`,
        en: `The device has ${history} custody record(s) and cannot be deleted (retire it instead)`,
      });
    }
    return super.remove(id, actor);
  }

  override async listFor(actor: Actor, query: ListQuery): Promise<ListResult<DeviceDto>> {
    return (await this.store.visible.list(actor, DEVICE_LIST, query)).map((d) => this.toDto(d));
  }

  override async getFor(actor: Actor, id: number): Promise<DeviceDto> {
    return this.toDto(await this.store.visible.find(actor, id));
  }

  async byImei(actor: Actor, input: string): Promise<DeviceDto> {
    const parsed = parseImei(input);
    const device = parsed.ok ? await this.inventory.deviceByImei(parsed.value) : null;
    const scope = officerScope(actor);
    if (!device || (scope !== null && device.currentOfficerId !== scope)) {
      throw ApiException.notFound('devices', input);
    }
    return this.toDto(device);
  }

  /** The device locked for a custody change in the caller's transaction. */
  lockForUpdate(manager: EntityManager, id: number): Promise<DeviceEntity> {
    return this.load(manager, id, true);
  }
}
