import { Injectable } from '@nestjs/common';
import { ApproveChargeUseCase } from './approve-charge.use-case';
import { CancelUseCase } from './cancel.use-case';
import { CloseUseCase } from './close.use-case';
import { DiagnoseUseCase } from './diagnose.use-case';
import { HandOutLoanerUseCase } from './hand-out-loaner.use-case';
import { IntakeUseCase } from './intake.use-case';
import { OverrideLiabilityUseCase } from './override-liability.use-case';
import { RejectChargeUseCase } from './reject-charge.use-case';
import { ReturnUseCase } from './return.use-case';
import { SendUseCase } from './send.use-case';
import { TakeBackLoanerUseCase } from './take-back-loaner.use-case';
import { UpdateTicketUseCase } from './update-ticket.use-case';

/** The steps of a repair ticket's flow, one use case each, for the controller to call. */
@Injectable()
export class RepairFlow {
  constructor(
    readonly intake: IntakeUseCase,
    readonly update: UpdateTicketUseCase,
    readonly diagnose: DiagnoseUseCase,
    readonly overrideLiability: OverrideLiabilityUseCase,
    readonly send: SendUseCase,
    readonly giveBack: ReturnUseCase,
    readonly close: CloseUseCase,
    readonly cancel: CancelUseCase,
    readonly approve: ApproveChargeUseCase,
    readonly reject: RejectChargeUseCase,
    readonly handOutLoaner: HandOutLoanerUseCase,
    readonly takeBackLoaner: TakeBackLoanerUseCase,
  ) {}
}

/** Every provider of the flow, for the module. */
export const REPAIR_FLOW_PROVIDERS = [
  IntakeUseCase,
  UpdateTicketUseCase,
  DiagnoseUseCase,
  OverrideLiabilityUseCase,
  SendUseCase,
  ReturnUseCase,
  CloseUseCase,
  CancelUseCase,
  ApproveChargeUseCase,
  RejectChargeUseCase,
  HandOutLoanerUseCase,
  TakeBackLoanerUseCase,
  RepairFlow,
];
