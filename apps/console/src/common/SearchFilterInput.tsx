import { SearchInput, useResourceContext, useTranslate, type SearchInputProps } from 'react-admin';

/**
 * The list's free-text search (`q`). Its placeholder and accessible name come from
 * `resources.<resource>.fields.q`, which says what the search looks in.
 */
export const SearchFilterInput = (props: SearchInputProps) => {
  const resource = useResourceContext(props);
  const translate = useTranslate();
  const label = translate(`resources.${resource}.fields.q`, { _: translate('ra.action.search') });
  return <SearchInput placeholder={label} slotProps={{ htmlInput: { 'aria-label': label } }} {...props} />;
};
