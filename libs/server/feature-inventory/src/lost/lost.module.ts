import { Module } from '@nestjs/common';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { registerFieldNames } from '@fleet/server/platform';
import { LostReportExports } from './lost-reports.exports';
import { DeviceStatusWriter } from '../devices/device-status.writer';
import { DeviceLostController, LostReportsController } from './lost-reports.controller';
import { LostReportStore } from './lost-report.store';
import { LostReportsService } from './lost-reports.service';
import { LOST_REPORT_FLOW_PROVIDERS } from './use-cases/lost-report-flow';

registerFieldNames({
  kind: { zh: '类型', en: 'kind' },
  reportedAt: { zh: '报失时间', en: 'reported at' },
  reportedByOfficerId: { zh: '报失警员', en: 'reporting officer' },
  policeCaseNo: { zh: '警情编号', en: 'police case number' },
  circumstances: { zh: '丢失经过', en: 'circumstances' },
  at: { zh: '时间', en: 'time' },
});

/** Devices reported lost or stolen (报失) and their follow-ups. */
@Module({
  controllers: [LostReportsController, DeviceLostController],
  providers: [
    LostReportsService,
    LostReportExports,
    LostReportStore,
    OrgLookupReader,
    DeviceStatusWriter,
    ...LOST_REPORT_FLOW_PROVIDERS,
  ],
  exports: [LostReportStore],
})
export class LostModule {}
