import { DateField, useLocale, type DateFieldProps } from 'react-admin';

/** A moment (ISO 8601) with date and time, formatted for the console's language rather than the browser's. */
export const DateTimeField = (props: Omit<DateFieldProps, 'showTime' | 'locales'>) => {
  const locale = useLocale();
  return <DateField showTime locales={locale} {...props} />;
};
