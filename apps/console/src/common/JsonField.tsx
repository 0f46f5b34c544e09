import { Box } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** A JSON value (an audit entry's before or after) shown indented, as it was stored. */
export const JsonField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  const translate = useTranslate();
  if (value === null || value === undefined) {
    return <span>{translate('fleet.json.empty')}</span>;
  }
  return (
    <Box
      component="pre"
      sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: '0.8125rem' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
