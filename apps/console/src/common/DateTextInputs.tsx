import { TextInput, type TextInputProps, type Validator } from 'react-admin';

import { ISO_WITH_ZONE, chinaTextOfMoment, isCalendarDate, momentOfChinaText } from './dateText';

const dateFormat: Validator = (value: string | null | undefined) =>
  !value || isCalendarDate(value) ? undefined : 'fleet.formats.date_invalid';

const momentFormat: Validator = (value: string | null | undefined) =>
  !value || ISO_WITH_ZONE.test(value) ? undefined : 'fleet.formats.moment_invalid';

const withValidator = (validate: TextInputProps['validate'], own: Validator) =>
  validate === undefined ? own : [own, ...(Array.isArray(validate) ? validate : [validate])];

/**
 * A calendar date typed as `YYYY-MM-DD`, the one date format of the console (a browser's date picker
 * shows the browser's own format: 2026/12/6, 12/06/2026). A filter holding an invalid date is not
 * applied (react-admin applies a filter form only when it is valid).
 */
export const CalendarDateInput = ({ validate, ...props }: TextInputProps) => (
  <TextInput
    {...props}
    validate={withValidator(validate, dateFormat)}
    placeholder="YYYY-MM-DD"
    parse={(text: string) => (text === '' ? null : text.trim())}
    inputProps={{ inputMode: 'numeric', maxLength: 10, ...props.inputProps }}
  />
);

/** A moment typed as China time, `YYYY-MM-DD HH:mm`, sent as ISO 8601 with +08:00. */
export const DateTimeInput = ({ validate, ...props }: TextInputProps) => (
  <TextInput
    {...props}
    validate={withValidator(validate, momentFormat)}
    placeholder="YYYY-MM-DD HH:mm"
    format={chinaTextOfMoment}
    parse={momentOfChinaText}
    inputProps={{ maxLength: 16, ...props.inputProps }}
  />
);
