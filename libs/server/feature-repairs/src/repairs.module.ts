import { Module } from '@nestjs/common';
import { InventoryLookupReader, InventoryModule } from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { registerFieldNames } from '@fleet/server/platform';
import { RepairFiguresStore } from './repair-figures.store';
import { RepairPhotoStore } from './repair-photo.store';
import { RepairPhotosService } from './repair-photos.service';
import { RepairReportsService } from './repair-reports.service';
import { RepairTicketStore } from './repair-ticket.store';
import { OpenRepairsService } from './open-repairs.service';
import {
  OpenRepairsController,
  RepairReportsController,
  RepairTicketsController,
} from './repair-tickets.controller';
import { RepairTicketsService } from './repair-tickets.service';
import { RepairExports } from './repairs.exports';
import { RepairApprovals } from './use-cases/repair-approvals';
import { REPAIR_FLOW_PROVIDERS } from './use-cases/repair-flow';

registerFieldNames({
  deviceId: { zh: '终端', en: 'device' },
  reportedAt: { zh: '报修时间', en: 'reported at' },
  reportedByOfficerId: { zh: '报修警员', en: 'reporting officer' },
  fault: { zh: '故障描述', en: 'fault' },
  accessories: { zh: '随机配件', en: 'accessories' },
  condition: { zh: '外观及状况', en: 'condition' },
  damagedAt: { zh: '损坏时间', en: 'damaged at' },
  notes: { zh: '备注', en: 'notes' },
  cause: { zh: '损坏原因', en: 'cause' },
  diagnosis: { zh: '诊断结果', en: 'diagnosis' },
  quoteFen: { zh: '报价', en: 'quote' },
  liability: { zh: '责任方', en: 'liable party' },
  liableOfficerId: { zh: '责任警员', en: 'liable officer' },
  reason: { zh: '理由', en: 'reason' },
  vendor: { zh: '维修商', en: 'repairer' },
  trackingNote: { zh: '物流信息', en: 'tracking note' },
  outcome: { zh: '维修结果', en: 'outcome' },
  finalCostFen: { zh: '最终费用', en: 'final cost' },
  replacementDeviceId: { zh: '新终端', en: 'replacement device' },
  note: { zh: '说明', en: 'note' },
  loanerDeviceId: { zh: '备用机', en: 'loaner' },
  moveSim: { zh: '移入号卡', en: 'move SIM' },
  moveSimBack: { zh: '移回号卡', en: 'move SIM back' },
  imei: { zh: 'IMEI', en: 'IMEI' },
  file: { zh: '文件', en: 'file' },
  groupBy: { zh: '分组', en: 'group by' },
  minTickets: { zh: '最少维修次数', en: 'minimum tickets' },
  months: { zh: '月数', en: 'months' },
});

/** Field repair intake, warranty and liability, loaners, photos, receipts and repair reports (issue 5). */
@Module({
  imports: [InventoryModule],
  controllers: [RepairTicketsController, RepairReportsController, OpenRepairsController],
  providers: [
    RepairTicketStore,
    RepairPhotoStore,
    RepairFiguresStore,
    // The owners' readers of devices, SIMs, assignments, officers and units.
    InventoryLookupReader,
    OrgLookupReader,
    RepairTicketsService,
    RepairApprovals,
    ...REPAIR_FLOW_PROVIDERS,
    RepairPhotosService,
    RepairReportsService,
    RepairExports,
    OpenRepairsService,
  ],
})
export class RepairsModule {}
