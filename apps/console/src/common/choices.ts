import { AUDIT_ACTIONS, OFFICER_STATUSES, ROLES } from '@fleet/shared/contracts';

export interface TranslatedChoice {
  id: string;
  /** A translation key; react-admin's choice inputs and fields translate it. */
  name: string;
}

function choicesFrom(values: readonly string[], keyPrefix: string): TranslatedChoice[] {
  return values.map((value) => ({ id: value, name: `${keyPrefix}.${value}` }));
}

export const OFFICER_STATUS_CHOICES = choicesFrom(OFFICER_STATUSES, 'fleet.officer_status');
export const ROLE_CHOICES = choicesFrom(ROLES, 'fleet.roles');
export const AUDIT_ACTION_CHOICES = choicesFrom(AUDIT_ACTIONS, 'fleet.audit_actions');
