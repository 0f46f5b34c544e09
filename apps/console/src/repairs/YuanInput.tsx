import { InputAdornment, TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, type Validator } from 'react-admin';

import { fenToYuanText, yuanTextToFen } from './money';

interface YuanInputProps {
  /** A field in integer fen (the API's name, so its field errors land here). */
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: string;
  fullWidth?: boolean;
}

// What the form holds while the text is not an amount: the validator below names it.
const NOT_AN_AMOUNT = Number.NaN;

const validAmount: Validator = (value: unknown) =>
  typeof value === 'number' && Number.isNaN(value) ? 'fleet.repairs.money_format' : undefined;

/**
 * An amount typed in yuan with up to two decimals and held in integer fen. The text is read digit by
 * digit (money.ts), not through a float, so 1.13 is 113 fen.
 */
export const YuanInput = ({ source, label, validate, helperText, fullWidth }: YuanInputProps) => {
  const validators = [validAmount, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { field, fieldState, id, isRequired } = useInput({
    source,
    validate: validators,
    defaultValue: null,
  });
  const [text, setText] = useState(() => fenToYuanText(field.value));
  const focused = useRef(false);

  // A value set from outside (a default, a reset) shows once the person is not typing.
  const value: unknown = field.value;
  useEffect(() => {
    if (focused.current) {
      return;
    }
    // NaN is the text being typed wrong: it stays as typed.
    if (!(typeof value === 'number' && Number.isNaN(value))) {
      setText(fenToYuanText(value));
    }
  }, [value]);

  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        field.onChange(typed.trim() === '' ? null : (yuanTextToFen(typed) ?? NOT_AN_AMOUNT));
      }}
      onBlur={() => {
        focused.current = false;
        field.onBlur();
        if (typeof value === 'number' && !Number.isNaN(value)) {
          setText(fenToYuanText(value));
        }
      }}
      label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
      error={fieldState.invalid}
      helperText={<InputHelperText error={fieldState.error?.message} helperText={helperText} />}
      size="small"
      margin="dense"
      fullWidth={fullWidth}
      slotProps={{
        htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
        input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> },
      }}
    />
  );
};
