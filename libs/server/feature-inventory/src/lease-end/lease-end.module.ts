import { Module } from '@nestjs/common';
import { registerFieldNames } from '@fleet/server/platform';
import { LeaseEndChecksController, LeaseEndController } from './lease-end.controller';
import { DeviceStore } from '../devices/device.store';
import { LeaseEndService } from './lease-end.service';
import { LeaseEndStore } from './lease-end.store';

registerFieldNames({
  asOf: { zh: '截至日期', en: 'as of' },
  workspaceWipedAt: { zh: '工作域擦除时间', en: 'work space wiped at' },
  registeredAsAssetAt: { zh: '固定资产登记时间', en: 'registered as asset at' },
  assetNo: { zh: '固定资产编号', en: 'asset number' },
  deviceIds: { zh: '终端', en: 'devices' },
  on: { zh: '移交日期', en: 'transfer date' },
});

/** Clause 4.5: leased devices become the bureau's at the end of the lease. */
@Module({
  controllers: [LeaseEndController, LeaseEndChecksController],
  providers: [LeaseEndService, LeaseEndStore, DeviceStore],
  exports: [LeaseEndStore],
})
export class LeaseEndModule {}
