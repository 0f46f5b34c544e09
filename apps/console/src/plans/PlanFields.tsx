/** A plan's allowances, shown the same way in the list's columns and on the show page. */
export const PLAN_NUMBER_SOURCES = ['voiceMin', 'nationalKb', 'apnKb', 'sms', 'termMonths'] as const;
