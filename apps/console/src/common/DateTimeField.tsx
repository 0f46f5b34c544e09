import { chinaMoment } from '@fleet/shared/contracts';
import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/**
 * A moment (ISO 8601) as China time, `YYYY-MM-DD HH:mm`: the one way the console shows a moment,
 * whatever the browser's zone and language.
 */
export const DateTimeField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  const translate = useTranslate();
  const text = chinaMoment(value);
  return (
    <Typography component="span" variant="body2" className={props.className} sx={{ whiteSpace: 'nowrap' }}>
      {text || (props.emptyText ? translate(props.emptyText, { _: props.emptyText }) : '')}
    </Typography>
  );
};
