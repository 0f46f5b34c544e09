import type { StatementLineDto } from '@fleet/shared/contracts';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

import { formatUsage, formatYuan } from './usageFormat';

const HEADERS = ['msisdn', 'category', 'used', 'allowance', 'excess', 'amount', 'payer'] as const;

/** A statement's lines: one per SIM and category, in readable units, amounts in yuan. */
export const StatementLines = ({ lines }: { lines: StatementLineDto[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('fleet.statements.lines')}>
      <TableHead>
        <TableRow>
          {HEADERS.map((header) => (
            <TableCell key={header}>{translate(`fleet.usage.${header}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>{line.msisdn ?? '—'}</TableCell>
            <TableCell>{translate(`fleet.category.${line.category}`)}</TableCell>
            <TableCell>{formatUsage(line.category, line.used, translate)}</TableCell>
            <TableCell>{formatUsage(line.category, line.allowance, translate)}</TableCell>
            <TableCell>{formatUsage(line.category, line.excess, translate)}</TableCell>
            <TableCell>{formatYuan(line.amountFen)}</TableCell>
            <TableCell>{translate(`fleet.payer.${line.payer}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
