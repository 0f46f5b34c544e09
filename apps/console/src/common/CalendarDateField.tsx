import { TextField, type TextFieldProps } from 'react-admin';

/**
 * A calendar date as the API sends it (YYYY-MM-DD): unambiguous in Chinese and English alike, and
 * never shifted by the browser's time zone as a Date would be.
 */
export const CalendarDateField = (props: TextFieldProps) => (
  <TextField {...props} sx={{ whiteSpace: 'nowrap', ...props.sx }} />
);
