import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DATA_ROLES,
  DEVICE_STATUS_LABELS,
  OWNERSHIP_LABELS,
  SIM_SLOT_LABELS,
  SIM_STATUS_LABELS,
  type ApnProfileDto,
  type AssignmentDto,
  type DeviceDto,
  type PlanDto,
  type SimCardDto,
} from '@fleet/shared/contracts';
import {
  EXPORT_LOOKUPS,
  ExportRegistry,
  deviceColumns,
  officerColumns,
  unitColumns,
} from '@fleet/server/platform';
import { APN_PROFILE_LIST, ApnProfilesService } from './apn-profiles/apn-profiles.service';
import { ASSIGNMENT_LIST, AssignmentsService } from './custody/custody-lists.service';
import { DeviceStore } from './devices/device.store';
import { DEVICE_LIST, DevicesService } from './devices/devices.service';
import { PLAN_LIST, PlansService } from './plans/plans.service';
import { STAFF } from './shared/roles';
import { SimCardStore } from './sim-cards/sim-card.store';
import { SIM_CARD_LIST, SimCardsService } from './sim-cards/sim-cards.service';

const ID = { zh: '编号', en: 'id' };

/**
 * Devices, SIM cards, plans, APN profiles and assignments as CSV/XLSX downloads (an officer's export
 * holds only their own), and the names of devices and SIM cards for other features' exports.
 */
@Injectable()
export class InventoryExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly devices: DevicesService,
    private readonly sims: SimCardsService,
    private readonly plans: PlansService,
    private readonly profiles: ApnProfilesService,
    private readonly assignments: AssignmentsService,
    private readonly deviceStore: DeviceStore,
    private readonly simStore: SimCardStore,
  ) {}

  onModuleInit(): void {
    this.registry.registerLookup(EXPORT_LOOKUPS.devices, this.deviceStore.names());
    this.registry.registerLookup(EXPORT_LOOKUPS.simCards, this.simStore.names());
    this.registry.register<DeviceDto>({
      resource: 'devices',
      title: { zh: '终端', en: 'Devices' },
      roles: DATA_ROLES,
      spec: DEVICE_LIST,
      columns: [
        { key: 'id', header: ID, kind: 'number' },
        { key: 'model', header: { zh: '型号', en: 'model' } },
        { key: 'imei1', header: { zh: 'IMEI1', en: 'IMEI 1' } },
        { key: 'imei2', header: { zh: 'IMEI2', en: 'IMEI 2' } },
        { key: 'serialNumber', header: { zh: '序列号', en: 'serial number' } },
        { key: 'receivedOn', header: { zh: '收货日期', en: 'received on' }, kind: 'date' },
        { key: 'warrantyEndOn', header: { zh: '保修截止', en: 'warranty ends' }, kind: 'date' },
        { key: 'leaseEndOn', header: { zh: '租期截止', en: 'lease ends' }, kind: 'date' },
        { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'label', labels: DEVICE_STATUS_LABELS },
        {
          key: 'ownership',
          header: { zh: '权属', en: 'ownership' },
          kind: 'label',
          labels: OWNERSHIP_LABELS,
        },
        ...officerColumns<DeviceDto>('currentOfficerId', { zh: '领用警员', en: 'holder' }),
        ...unitColumns<DeviceDto>('unitId'),
      ],
      fetch: (query, actor) => this.devices.listFor(actor, query),
    });
    this.registry.register<SimCardDto>({
      resource: 'sim-cards',
      title: { zh: 'SIM 卡', en: 'SIM cards' },
      roles: DATA_ROLES,
      spec: SIM_CARD_LIST,
      columns: [
        { key: 'id', header: ID, kind: 'number' },
        { key: 'iccid', header: { zh: 'ICCID', en: 'ICCID' } },
        { key: 'msisdn', header: { zh: '手机号码', en: 'number' } },
        { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'label', labels: SIM_STATUS_LABELS },
        { key: 'activatedOn', header: { zh: '开通日期', en: 'activated on' }, kind: 'date' },
        { key: 'planEndsOn', header: { zh: '套餐截止', en: 'plan ends' }, kind: 'date' },
        {
          key: 'realNameRegisteredOn',
          header: { zh: '实名登记日期', en: 'real-name registered on' },
          kind: 'date',
        },
        ...deviceColumns<SimCardDto>('deviceId'),
        { key: 'slot', header: { zh: '卡槽', en: 'slot' }, kind: 'label', labels: SIM_SLOT_LABELS },
      ],
      fetch: (query, actor) => this.sims.listFor(actor, query),
    });
    this.registry.register<PlanDto>({
      resource: 'plans',
      title: { zh: '套餐', en: 'Plans' },
      roles: STAFF,
      spec: PLAN_LIST,
      columns: [
        { key: 'id', header: ID, kind: 'number' },
        { key: 'name', header: { zh: '名称', en: 'name' } },
        { key: 'monthlyFeeFen', header: { zh: '月费（元）', en: 'monthly fee (CNY)' }, kind: 'money' },
        { key: 'voiceMin', header: { zh: '语音（分钟）', en: 'voice (min)' }, kind: 'number' },
        { key: 'nationalKb', header: { zh: '国内流量（GB）', en: 'national data (GB)' }, kind: 'gb' },
        { key: 'apnKb', header: { zh: '专网流量（GB）', en: 'APN data (GB)' }, kind: 'gb' },
        { key: 'sms', header: { zh: '短信（条）', en: 'SMS' }, kind: 'number' },
        { key: 'termMonths', header: { zh: '合约期（月）', en: 'term (months)' }, kind: 'number' },
      ],
      fetch: (query, actor) => this.plans.listFor(actor, query),
    });
    this.registry.register<ApnProfileDto>({
      resource: 'apn-profiles',
      title: { zh: 'APN 配置', en: 'APN profiles' },
      roles: STAFF,
      spec: APN_PROFILE_LIST,
      columns: [
        { key: 'id', header: ID, kind: 'number' },
        { key: 'name', header: { zh: '名称', en: 'name' } },
        { key: 'apn', header: { zh: 'APN', en: 'APN' } },
        { key: 'description', header: { zh: '说明', en: 'description' } },
      ],
      fetch: (query, actor) => this.profiles.listFor(actor, query),
    });
    this.registry.register<AssignmentDto>({
      resource: 'assignments',
      title: { zh: '领用记录', en: 'Assignments' },
      roles: [...STAFF, 'officer'],
      spec: ASSIGNMENT_LIST,
      columns: [
        { key: 'id', header: ID, kind: 'number' },
        ...deviceColumns<AssignmentDto>('deviceId'),
        ...officerColumns<AssignmentDto>('officerId', { zh: '领用警员', en: 'officer' }),
        { key: 'startAt', header: { zh: '领用时间', en: 'from' }, kind: 'moment' },
        { key: 'endAt', header: { zh: '归还时间', en: 'until' }, kind: 'moment' },
        { key: 'condition', header: { zh: '领用时状况', en: 'condition' } },
        {
          key: 'accessories',
          header: { zh: '配件', en: 'accessories' },
          value: (a) => a.accessories.join('、'),
        },
        { key: 'returnCondition', header: { zh: '归还时状况', en: 'condition on return' } },
        { key: 'acceptedAt', header: { zh: '签收时间', en: 'accepted at' }, kind: 'moment' },
        { key: 'voidedAt', header: { zh: '作废时间', en: 'voided at' }, kind: 'moment' },
        { key: 'voidReason', header: { zh: '作废理由', en: 'void reason' } },
      ],
      fetch: (query, actor) => this.assignments.listFor(actor, query),
    });
  }
}
