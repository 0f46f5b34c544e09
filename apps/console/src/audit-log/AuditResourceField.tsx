import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** The audited resource by its name in the console's language ("officers" as 民警), or as the API calls it. */
export const AuditResourceField = (props: FieldProps) => {
  const resource: unknown = useFieldValue(props);
  const translate = useTranslate();
  if (typeof resource !== 'string') {
    return null;
  }
  return <span>{translate(`resources.${resource}.name`, { smart_count: 1, _: resource })}</span>;
};
