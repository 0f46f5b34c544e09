import { Edit, SimpleForm } from 'react-admin';

import { OutageInputs } from './OutageInputs';

// The wire form carries the void fields; an edit sends only what the inputs change.
const editable = ({ startAt, endAt, cause, scope, simIds, note }: Record<string, unknown>) => ({
  startAt,
  endAt,
  cause,
  scope,
  simIds: scope === 'all' ? [] : simIds,
  note,
});

const OutageEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={editable}>
    <SimpleForm>
      <OutageInputs />
    </SimpleForm>
  </Edit>
);

export default OutageEdit;
