import { NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { MoneyField } from '../common/MoneyField';
import { PLAN_NUMBER_SOURCES } from './PlanFields';

const PlanShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <MoneyField source="monthlyFeeFen" />
      {PLAN_NUMBER_SOURCES.map((source) => (
        <NumberField key={source} source={source} />
      ))}
    </SimpleShowLayout>
  </Show>
);

export default PlanShow;
