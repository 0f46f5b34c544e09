import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

import { formatUsage } from '../statements/usageFormat';

export interface AllowanceRow {
  category: string;
  used: number;
  allowance: number;
  remaining: number;
}

/** Usage against allowance per category, in readable units; a row over its allowance is marked. */
export const AllowanceTable = ({ rows }: { rows: AllowanceRow[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {(['category', 'used', 'allowance', 'remaining'] as const).map((header) => (
            <TableCell key={header}>{translate(`fleet.usage.${header}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.category}>
            <TableCell>{translate(`fleet.category.${row.category}`)}</TableCell>
            <TableCell sx={row.used > row.allowance ? { color: 'error.main', fontWeight: 600 } : undefined}>
              {formatUsage(row.category, row.used, translate)}
            </TableCell>
            <TableCell>{formatUsage(row.category, row.allowance, translate)}</TableCell>
            <TableCell>{formatUsage(row.category, row.remaining, translate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
