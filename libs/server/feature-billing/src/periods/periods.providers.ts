import { HolderSpansReader } from '@fleet/server/feature-inventory';
import { RepairChargesReader } from '@fleet/server/feature-repairs';
import { CountedUsageReader, MonthlyUsageWriter, UsageImportsReader } from '@fleet/server/feature-usage';
import { UserNamesReader } from '@fleet/server/platform';
import { PeriodRecloser } from './period-reclose';
import { PeriodsService } from './periods.service';
import { PeriodsStore } from './periods.store';
import { UsageChargesService } from './usage-charges.service';
import { UsageChargesStore } from './usage-charges.store';
import { ClosePeriodUseCase } from './use-cases/close-period.use-case';
import { MonthCharges } from './use-cases/month-charges';
import { PreviewCloseUseCase } from './use-cases/preview-close.use-case';
import { ReclosePeriodUseCase } from './use-cases/reclose-period.use-case';

/**
 * The month close's providers, for the API's module and the worker's: its stores, its use cases, and
 * the owners' readers it reads other features' tables through (custody's holder spans, usage's
 * counted records and imports, the mark of SIMs outside the plan on its totals, repairs' charges, the platform's user names).
 */
export const PERIOD_PROVIDERS = [
  HolderSpansReader,
  CountedUsageReader,
  UsageImportsReader,
  MonthlyUsageWriter,
  UserNamesReader,
  RepairChargesReader,
  UsageChargesStore,
  UsageChargesService,
  PeriodsStore,
  MonthCharges,
  ClosePeriodUseCase,
  PreviewCloseUseCase,
  ReclosePeriodUseCase,
  PeriodsService,
  PeriodRecloser,
];
