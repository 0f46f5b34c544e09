import type { RepairTicketDto, StatementLineDto } from '@fleet/shared/contracts';
import { Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useCanAccess, useGetOne, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

import { formatYuan } from './usageFormat';

export const REPAIR_CATEGORY = 'repair';

export const isRepairLine = (line: StatementLineDto) => line.category === REPAIR_CATEGORY;

/** The repairs charged on a statement (a line names its ticket; the usage columns are empty there) (the month each ticket was closed), apart from the usage lines. */
export const StatementRepairLines = ({ lines }: { lines: StatementLineDto[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('fleet.statements.repair_lines')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('fleet.statements.repair_ticket')}</TableCell>
          <TableCell>{translate('fleet.usage.amount')}</TableCell>
          <TableCell>{translate('fleet.usage.payer')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>
              <TicketLink ticketId={line.repairTicketId} basis={line.basis} />
            </TableCell>
            <TableCell>{formatYuan(line.amountFen)}</TableCell>
            <TableCell>{translate(`fleet.payer.${line.payer}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The ticket's number, linked to the ticket for whoever may open it. */
const TicketLink = ({ ticketId, basis }: { ticketId: number | null; basis: StatementLineDto['basis'] }) => {
  const { canAccess } = useCanAccess({ action: 'show', resource: 'repair-tickets' });
  const fromBasis = typeof basis.ticketNo === 'string' ? basis.ticketNo : null;
  const { data: ticket } = useGetOne<RepairTicketDto>(
    'repair-tickets',
    { id: ticketId ?? 0 },
    { enabled: ticketId !== null && fromBasis === null },
  );
  if (ticketId === null) {
    return <>{fromBasis ?? '—'}</>;
  }
  const text = fromBasis ?? ticket?.ticketNo ?? `#${ticketId}`;
  return canAccess ? (
    <Link component={RouterLink} to={`/repair-tickets/${ticketId}/show`}>
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
};
