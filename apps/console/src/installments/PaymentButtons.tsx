import type { InstallmentDto, PaymentDto, PaymentRequest } from '@fleet/shared/contracts';
import { chinaDateOf } from '@fleet/domain/inventory';
import PaymentsIcon from '@mui/icons-material/Payments';
import UndoIcon from '@mui/icons-material/Undo';
import { minLength, required, TextInput, useCanAccess } from 'react-admin';

import { CalendarDateInput } from '../common/DateTextInputs';

import { ActionDialog } from '../common/ActionDialog';
import { MoneyInput } from '../common/MoneyField';

const requiredValue = required();

/** Records a payment on an installment: its day, amount (at most the balance: the API says so) and voucher. */
export const RecordPaymentButton = ({ installment }: { installment: InstallmentDto }) => {
  const { canAccess } = useCanAccess({ action: 'create', resource: 'installments' });
  if (!canAccess || installment.balanceFen === 0) return null;
  return (
    <ActionDialog<PaymentRequest>
      label="fleet.ledger.record_payment"
      title="fleet.ledger.record_payment_title"
      icon={<PaymentsIcon />}
      resource="payments"
      defaultValues={{ paidOn: chinaDateOf(new Date()), amountFen: installment.balanceFen }}
      action={(provider, values) => provider.recordPayment(installment.id, values)}
    >
      <CalendarDateInput source="paidOn" validate={requiredValue} fullWidth />
      <MoneyInput source="amountFen" validate={requiredValue} fullWidth />
      <TextInput source="reference" validate={requiredValue} fullWidth />
    </ActionDialog>
  );
};

/** Reverses a payment with a written reason; the payment stays on record, marked reversed. */
export const ReversePaymentButton = ({ payment }: { payment: PaymentDto }) => {
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'installments' });
  if (!canAccess || payment.reversedAt) return null;
  return (
    <ActionDialog<{ reason: string }>
      label="fleet.ledger.reverse"
      title="fleet.ledger.reverse_title"
      icon={<UndoIcon />}
      resource="payments"
      action={(provider, values) => provider.reversePayment(payment.installmentId, payment.id, values.reason)}
    >
      <TextInput source="reason" validate={[requiredValue, minLength(2)]} fullWidth multiline />
    </ActionDialog>
  );
};
