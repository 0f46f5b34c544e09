import type { PeriodDto } from '@fleet/shared/contracts';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';

import { dataProvider } from '../providers/dataProvider';
import { CreditTotal } from '../sla-credits/CreditTotal';
import { formatYuan } from '../statements/usageFormat';

/** Each SIM where the carrier's own overage charge (summary files) differs from ours. */
export const BillCheckTable = () => {
  const translate = useTranslate();
  const period = useRecordContext<PeriodDto>();
  const { data, isPending } = useQuery({
    queryKey: ['bill-check', period?.period],
    queryFn: () => dataProvider.getBillCheck(period!.period),
    enabled: Boolean(period),
  });
  const differing = (data ?? []).filter((row) => row.differenceFen !== 0);
  return (
    <Labeled label="fleet.periods.bill_check">
      <>
        {period && <CreditTotal period={period.period} />}
        {isPending ? (
          <Typography>…</Typography>
        ) : differing.length === 0 ? (
          <Typography color="text.secondary">{translate('fleet.periods.bill_check_none')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('fleet.usage.msisdn')}</TableCell>
                <TableCell align="right">{translate('fleet.periods.carrier')}</TableCell>
                <TableCell align="right">{translate('fleet.periods.ours')}</TableCell>
                <TableCell align="right">{translate('fleet.periods.difference')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {differing.map((row) => (
                <TableRow key={row.simId}>
                  <TableCell>{row.msisdn}</TableCell>
                  <TableCell align="right">{formatYuan(row.carrierFen)}</TableCell>
                  <TableCell align="right">{formatYuan(row.ourFen)}</TableCell>
                  <TableCell align="right">{formatYuan(row.differenceFen)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </>
    </Labeled>
  );
};
