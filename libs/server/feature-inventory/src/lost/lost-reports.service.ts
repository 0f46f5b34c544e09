import { Injectable } from '@nestjs/common';
import type { LostReportDto } from '@fleet/shared/contracts';
import { LostReportEntity } from '@fleet/server/persistence';
import { type ListSpec, ReadService } from '@fleet/server/platform';
import { toLostReportDto } from './lost-report.mapper';
import { LOST_REPORT_RESOURCE, LostReportStore } from './lost-report.store';

export const LOST_REPORT_LIST: ListSpec = {
  resource: LOST_REPORT_RESOURCE,
  sortable: ['id', 'deviceId', 'kind', 'reportedAt', 'confirmedAt', 'foundAt', 'closedAt'],
  defaultSort: ['reportedAt', 'DESC'],
  filters: {
    deviceId: { property: 'deviceId', type: 'int' },
    kind: { property: 'kind', type: 'string' },
    reportedByOfficerId: { property: 'reportedByOfficerId', type: 'int' },
  },
  search: ['policeCaseNo', 'circumstances'],
};

/**
 * Devices reported lost or stolen (报失), as read. Each step (report, confirm, follow-up, found, close)
 * is a use case (use-cases/), one transaction with its audit rows.
 */
@Injectable()
export class LostReportsService extends ReadService<LostReportEntity, LostReportDto> {
  constructor(store: LostReportStore) {
    super(store.dataSource, LostReportEntity, LOST_REPORT_LIST);
  }

  protected toDto(report: LostReportEntity): LostReportDto {
    return toLostReportDto(report);
  }
}
