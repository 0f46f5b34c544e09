import { Labeled, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { MoneyField } from '../common/MoneyField';
import { PLAN_ALLOWANCES, PlanAllowanceField } from './PlanFields';

const PlanShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <MoneyField source="monthlyFeeFen" />
      {PLAN_ALLOWANCES.map((allowance) => (
        <Labeled key={allowance.source} source={allowance.source}>
          <PlanAllowanceField {...allowance} />
        </Labeled>
      ))}
      <NumberField source="termMonths" />
    </SimpleShowLayout>
  </Show>
);

export default PlanShow;
