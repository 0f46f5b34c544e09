import { InputAdornment, TextField } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import { TextInput, useTranslate, type TextInputProps } from 'react-admin';
import { useFormContext } from 'react-hook-form';

import { BarcodeCameraButton } from './BarcodeCameraButton';
import { normalizeIdentifier, useIdentifierParser, useIdentifierValidator } from './identifierValidators';

interface ImeiInputProps {
  /** Called with the IMEI in its stored form (15 digits) once it passes the domain's check. */
  onImei: (imei: string) => Promise<void> | void;
  /** A translation key; the IMEI label by default. */
  label?: string;
  helperText?: string;
  /** Takes the focus back after each IMEI, so a scanner can read one phone after another. */
  keepFocus?: boolean;
  disabled?: boolean;
}

/**
 * A box that takes one IMEI at a time: typed, from a USB barcode scanner (which types the digits fast and
 * presses Enter) or from the camera where the browser can read barcodes. A bad IMEI is refused with the
 * domain's message in the console's language and nothing is sent.
 */
export const ImeiInput = ({ onImei, label, helperText, keepFocus = false, disabled }: ImeiInputProps) => {
  const translate = useTranslate();
  const parse = useIdentifierParser('imei');
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = translate(label ?? 'fleet.imei.label');

  const submit = async (input: string) => {
    const result = parse(input);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setValue('');
    setBusy(true);
    try {
      await onImei(result.value);
    } finally {
      setBusy(false);
      if (keepFocus) {
        inputRef.current?.focus();
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit(value);
    }
  };

  return (
    <TextField
      label={text}
      value={value}
      onChange={(event) => {
        setValue(event.target.value);
        setError(null);
      }}
      onKeyDown={onKeyDown}
      // A click elsewhere on the page (not on another control) must not stop the next scan from landing here.
      onBlur={(event) => {
        if (keepFocus && event.relatedTarget === null) {
          setTimeout(() => inputRef.current?.focus(), 0);
        }
      }}
      error={error !== null}
      helperText={error ?? (helperText ? translate(helperText) : undefined)}
      disabled={disabled || busy}
      autoFocus={keepFocus}
      autoComplete="off"
      inputRef={inputRef}
      size="small"
      sx={{ minWidth: 280 }}
      slotProps={{
        htmlInput: { inputMode: 'numeric', 'aria-label': text },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <BarcodeCameraButton onDetected={(scanned) => void submit(scanned)} />
            </InputAdornment>
          ),
        },
      }}
    />
  );
};

/** An IMEI field of a react-admin form: checked by the domain's rule, stored as 15 digits, camera when available. */
export const ImeiFormInput = (props: TextInputProps) => {
  const validImei = useIdentifierValidator('imei');
  const validate = [
    validImei,
    ...(Array.isArray(props.validate) ? props.validate : props.validate ? [props.validate] : []),
  ];
  return (
    <TextInput
      {...props}
      validate={validate}
      slotProps={{ input: { endAdornment: <ImeiCameraAdornment source={props.source} /> } }}
    />
  );
};

const ImeiCameraAdornment = ({ source }: { source: string }) => {
  const { setValue } = useFormContext();
  return (
    <InputAdornment position="end">
      <BarcodeCameraButton
        onDetected={(scanned) =>
          setValue(source, normalizeIdentifier('imei', scanned), { shouldDirty: true, shouldValidate: true })
        }
      />
    </InputAdornment>
  );
};
