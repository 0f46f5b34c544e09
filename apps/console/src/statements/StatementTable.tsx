import type { ReactNode } from 'react';
import { DataTable, ReferenceField, SelectField, type DataTableProps } from 'react-admin';

import { STATEMENT_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';

/**
 * The statement columns, the same on the statements list and on an officer's own page: month, (the
 * officer), version, status, total and when issued; a page adds its own buttons as `children`.
 */
export const StatementTable = ({
  withPeriod = true,
  withOfficer = false,
  bureauText = '—',
  bulkActionButtons = false,
  children,
}: {
  /** False on a month's own page. */
  withPeriod?: boolean;
  withOfficer?: boolean;
  /** What the officer column says on the bureau's summary statement (it has no officer). */
  bureauText?: string;
  bulkActionButtons?: DataTableProps['bulkActionButtons'];
  children?: ReactNode;
}) => (
  <DataTable rowClick="show" bulkActionButtons={bulkActionButtons}>
    {withPeriod && <DataTable.Col source="period" />}
    {withOfficer && (
      <DataTable.Col source="officerId">
        <ReferenceField source="officerId" reference="officers" link={false} emptyText={bureauText} />
      </DataTable.Col>
    )}
    <DataTable.NumberCol source="version" />
    <DataTable.Col source="status">
      <SelectField source="status" choices={STATEMENT_STATUS_CHOICES} />
    </DataTable.Col>
    <DataTable.Col source="totalFen">
      <MoneyField source="totalFen" />
    </DataTable.Col>
    <DataTable.Col source="issuedAt">
      <DateTimeField source="issuedAt" />
    </DataTable.Col>
    {children}
  </DataTable>
);
