import { addMonths, chinaDateOf } from '@fleet/domain/inventory';
import { Typography } from '@mui/material';
import {
  DataTable,
  FunctionField,
  List,
  ReferenceField,
  SelectField,
  TextInput,
  useListContext,
  useTranslate,
} from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { CreditTotal } from './CreditTotal';

const REASON_CHOICES = ['over_3h', 'over_72h'].map((id) => ({ id, name: `fleet.credit_reason.${id}` }));
const lastMonth = () => addMonths(`${chinaDateOf(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);

const filters = [<TextInput key="period" source="period" type="month" alwaysOn />];

/** The month's total and how the rule works, above the rows. */
const Summary = () => {
  const translate = useTranslate();
  const list = useListContext();
  const filters = list.filterValues as { period?: string };
  const period = filters.period ?? '';
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
        {translate('fleet.ledger.credits_hint')}
      </Typography>
      <CreditTotal period={period} version={list.total} />
    </>
  );
};

/** SLA credits per SIM and waived day of a month, computed from the outages as they stand. */
const SlaCreditList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ period: lastMonth() }}
    sort={{ field: 'day', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <Summary />
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="day">
        <CalendarDateField source="day" />
      </DataTable.Col>
      <DataTable.Col source="msisdn" disableSort>
        <ReferenceField source="simId" reference="sim-cards" link="show">
          <FunctionField render={(sim: { msisdn: string }) => sim.msisdn} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="amountFen">
        <MoneyField source="amountFen" />
      </DataTable.Col>
      <DataTable.Col source="reason">
        <SelectField source="reason" choices={REASON_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="outageIds" disableSort>
        <FunctionField
          render={(credit: { outageIds: number[] }) => credit.outageIds.map((id) => `#${id}`).join(' ')}
        />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default SlaCreditList;
