import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

interface UnitReferenceInputProps {
  source: string;
  validate?: Validator | Validator[];
  /** Keeps the filter visible in a list's filter bar. */
  alwaysOn?: boolean;
}

/** Picks a unit by typing part of its name; the API searches unit names with `q`. */
export const UnitReferenceInput = ({ source, validate }: UnitReferenceInputProps) => (
  <ReferenceInput source={source} reference="units" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput filterToQuery={searchByName} validate={validate} />
  </ReferenceInput>
);

function searchByName(text: string) {
  return { q: text };
}
