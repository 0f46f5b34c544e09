import { Injectable } from '@nestjs/common';
import { CloseReportUseCase } from './close-report.use-case';
import { ConfirmLostUseCase } from './confirm-lost.use-case';
import { FollowUpUseCase } from './follow-up.use-case';
import { FoundUseCase } from './found.use-case';
import { ReportLostUseCase } from './report-lost.use-case';

export { ReportLostUseCase };

/** The steps after a report, one use case each, for the controller to call. */
@Injectable()
export class LostReportFlow {
  constructor(
    readonly confirm: ConfirmLostUseCase,
    readonly followUp: FollowUpUseCase,
    readonly found: FoundUseCase,
    readonly close: CloseReportUseCase,
  ) {}
}

export const LOST_REPORT_FLOW_PROVIDERS = [
  ReportLostUseCase,
  ConfirmLostUseCase,
  FollowUpUseCase,
  FoundUseCase,
  CloseReportUseCase,
  LostReportFlow,
];
