import { Injectable } from '@nestjs/common';
import type { CloseResultDto } from '@fleet/shared/contracts';
import type { StaleMonth } from './periods.store';
import { ReclosePeriodUseCase } from './use-cases/reclose-period.use-case';

/** What the worker asks of billing after a usage import: which months are stale, and closing one again. */
@Injectable()
export class PeriodRecloser {
  constructor(private readonly useCase: ReclosePeriodUseCase) {}

  stale(period?: string): Promise<StaleMonth[]> {
    return this.useCase.stale(period);
  }

  reclose(period: string): Promise<CloseResultDto | null> {
    return this.useCase.execute(period);
  }
}
