import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DATA_ROLES } from '@fleet/shared/contracts';
import { ExportRegistry } from '@fleet/server/platform';
import { DEVICE_LIST, DevicesService } from './devices/devices.service';
import { SIM_CARD_LIST, SimCardsService } from './sim-cards/sim-cards.service';

/** Devices and SIM cards as CSV/XLSX downloads; an officer's export holds only their own. */
@Injectable()
export class InventoryExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly devices: DevicesService,
    private readonly sims: SimCardsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      resource: 'devices',
      roles: DATA_ROLES,
      spec: DEVICE_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' } },
        { key: 'model', header: { zh: '型号', en: 'model' } },
        { key: 'imei1', header: { zh: 'IMEI1', en: 'IMEI 1' } },
        { key: 'imei2', header: { zh: 'IMEI2', en: 'IMEI 2' } },
        { key: 'serialNumber', header: { zh: '序列号', en: 'serial number' } },
        { key: 'receivedOn', header: { zh: '收货日期', en: 'received on' } },
        { key: 'warrantyEndOn', header: { zh: '保修截止', en: 'warranty ends' } },
        { key: 'leaseEndOn', header: { zh: '租期截止', en: 'lease ends' } },
        { key: 'status', header: { zh: '状态', en: 'status' } },
        { key: 'ownership', header: { zh: '权属', en: 'ownership' } },
        { key: 'currentOfficerId', header: { zh: '领用警员编号', en: 'holder id' } },
      ],
      fetch: (query, actor) => this.devices.listFor(actor, query),
    });
    this.registry.register({
      resource: 'sim-cards',
      roles: DATA_ROLES,
      spec: SIM_CARD_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' } },
        { key: 'iccid', header: { zh: 'ICCID', en: 'ICCID' } },
        { key: 'msisdn', header: { zh: '手机号码', en: 'number' } },
        { key: 'status', header: { zh: '状态', en: 'status' } },
        { key: 'activatedOn', header: { zh: '开通日期', en: 'activated on' } },
        { key: 'planEndsOn', header: { zh: '套餐截止', en: 'plan ends' } },
        { key: 'realNameRegisteredOn', header: { zh: '实名登记日期', en: 'real-name registered on' } },
        { key: 'deviceId', header: { zh: '终端编号', en: 'device id' } },
        { key: 'slot', header: { zh: '卡槽', en: 'slot' } },
      ],
      fetch: (query, actor) => this.sims.listFor(actor, query),
    });
  }
}
