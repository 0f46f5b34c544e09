import type { InstallmentDto } from '@fleet/shared/contracts';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Labeled, useDataProvider, useRecordContext, useTranslate } from 'react-admin';

import { yuan } from '../contract-ledger/money';
import type { FleetDataProvider } from '../providers/dataProvider';
import { ReversePaymentButton } from './PaymentButtons';

/** Every payment of the installment, reversed ones struck through with their reason: nothing is deleted. */
export const InstallmentPayments = () => {
  const translate = useTranslate();
  const installment = useRecordContext<InstallmentDto>();
  const dataProvider = useDataProvider<FleetDataProvider>();
  const { data } = useQuery({
    // The installment's paid figure is in the key, so a payment or a reversal fetches the list again.
    queryKey: ['installment-payments', installment?.id, installment?.paidFen],
    queryFn: () => dataProvider.getPayments(installment!.id),
    enabled: Boolean(installment),
  });
  return (
    <Labeled label="fleet.ledger.payments">
      {!data?.length ? (
        <Typography color="text.secondary">{translate('fleet.ledger.no_payments')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('fleet.ledger.payments')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.payments.fields.paidOn')}</TableCell>
              <TableCell align="right">{translate('resources.payments.fields.amountFen')}</TableCell>
              <TableCell>{translate('resources.payments.fields.reference')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((payment) => (
              <TableRow
                key={payment.id}
                sx={payment.reversedAt ? { '& td': { color: 'text.disabled' } } : {}}
              >
                <TableCell>{payment.paidOn}</TableCell>
                <TableCell align="right" sx={payment.reversedAt ? { textDecoration: 'line-through' } : {}}>
                  {yuan(payment.amountFen)}
                </TableCell>
                <TableCell>
                  {payment.reference}
                  {payment.reversedAt && (
                    <Typography variant="body2">
                      {translate('fleet.ledger.reversed', { reason: payment.reversalReason })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <ReversePaymentButton payment={payment} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Labeled>
  );
};
