import {
  AUDIT_ACTIONS,
  BULK_IMPORT_KIND_VALUES,
  DEVICE_OWNERSHIP_VALUES,
  DEVICE_STATUS_VALUES,
  OFFICER_STATUSES,
  ROLES,
  SIM_STATUS_VALUES,
  type BulkImportDto,
  type LostReportDto,
  type StocktakeDto,
} from '@fleet/shared/contracts';

export interface TranslatedChoice {
  id: string;
  /** A translation key; react-admin's choice inputs and fields translate it. */
  name: string;
}

function choicesFrom(values: readonly (string | number)[], keyPrefix: string): TranslatedChoice[] {
  return values.map((value) => ({ id: String(value), name: `${keyPrefix}.${value}` }));
}

const LOST_KINDS: readonly LostReportDto['kind'][] = ['lost', 'stolen'];
const IMPORT_STATUSES: readonly BulkImportDto['status'][] = ['queued', 'running', 'succeeded', 'failed'];
const STOCKTAKE_STATUSES: readonly StocktakeDto['status'][] = ['open', 'closed'];

export const OFFICER_STATUS_CHOICES = choicesFrom(OFFICER_STATUSES, 'fleet.officer_status');
export const ROLE_CHOICES = choicesFrom(ROLES, 'fleet.roles');
export const AUDIT_ACTION_CHOICES = choicesFrom(AUDIT_ACTIONS, 'fleet.audit_actions');
export const DEVICE_STATUS_CHOICES = choicesFrom(DEVICE_STATUS_VALUES, 'fleet.device_status');
export const OWNERSHIP_CHOICES = choicesFrom(DEVICE_OWNERSHIP_VALUES, 'fleet.ownership');
export const SIM_STATUS_CHOICES = choicesFrom(SIM_STATUS_VALUES, 'fleet.sim_status');
export const LOST_KIND_CHOICES = choicesFrom(LOST_KINDS, 'fleet.lost_kind');
export const IMPORT_KIND_CHOICES = choicesFrom(BULK_IMPORT_KIND_VALUES, 'fleet.import_kind');
export const IMPORT_STATUS_CHOICES = choicesFrom(IMPORT_STATUSES, 'fleet.import_status');
export const STOCKTAKE_STATUS_CHOICES = choicesFrom(STOCKTAKE_STATUSES, 'fleet.stocktake_status');
// Slots are numbers on the wire, so their choices keep numeric ids for the select to match them.
export const SIM_SLOT_CHOICES = [1, 2].map((slot) => ({ id: slot, name: `fleet.sim_slot.${slot}` }));

// Usage files, months and statements (issue 4).
export const USAGE_KIND_CHOICES = choicesFrom(['summary', 'detail'], 'fleet.usage_kind');
export const PERIOD_STATUS_CHOICES = choicesFrom(['open', 'closed'], 'fleet.period_status');
export const STATEMENT_STATUS_CHOICES = choicesFrom(
  ['issued', 'acknowledged', 'disputed', 'superseded'],
  'fleet.statement_status',
);
export const CATEGORY_CHOICES = choicesFrom(['voice', 'sms', 'national', 'apn', 'repair'], 'fleet.category');
export const PAYER_CHOICES = choicesFrom(['officer', 'bureau'], 'fleet.payer');
