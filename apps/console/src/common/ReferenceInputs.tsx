import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

interface SearchReferenceInputProps {
  source: string;
  validate?: Validator | Validator[];
  /** Keeps the filter visible in a list's filter bar. */
  alwaysOn?: boolean;
  label?: string;
  filter?: Record<string, unknown>;
}

/** The API searches with `q` (names, badge numbers, IMEIs, ICCIDs…), so typed text becomes `q`. */
function searchByQ(text: string) {
  return { q: text };
}

function searchReferenceInput(reference: string, sortField: string) {
  const Input = ({ source, validate, label, filter }: SearchReferenceInputProps) => (
    <ReferenceInput
      source={source}
      reference={reference}
      sort={{ field: sortField, order: 'ASC' }}
      filter={filter}
    >
      <AutocompleteInput filterToQuery={searchByQ} validate={validate} label={label} />
    </ReferenceInput>
  );
  return Input;
}

/** Picks an officer by typing part of the name or the badge number. */
export const OfficerReferenceInput = searchReferenceInput('officers', 'badgeNo');
/** Picks a device by typing part of an IMEI, the serial number or the model. */
export const DeviceReferenceInput = searchReferenceInput('devices', 'imei1');
/** Picks a SIM card by typing part of the ICCID or the number. */
export const SimCardReferenceInput = searchReferenceInput('sim-cards', 'msisdn');
