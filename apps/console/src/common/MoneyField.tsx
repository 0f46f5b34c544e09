import { NumberField, NumberInput, type NumberFieldProps, type NumberInputProps } from 'react-admin';

const FEN_PER_YUAN = 100;

/** An amount stored in integer fen, shown in yuan. */
export const MoneyField = (props: NumberFieldProps) => (
  <NumberField
    {...props}
    transform={(fen: number) => fen / FEN_PER_YUAN}
    options={{ style: 'currency', currency: 'CNY' }}
  />
);

/** An amount typed in yuan and sent in integer fen, so no float reaches the API. */
export const MoneyInput = (props: NumberInputProps) => (
  <NumberInput
    {...props}
    step={0.01}
    format={(fen: number | null | undefined) => (fen === null || fen === undefined ? '' : fen / FEN_PER_YUAN)}
    parse={(yuan: string) => (yuan === '' ? null : Math.round(Number(yuan) * FEN_PER_YUAN))}
  />
);
