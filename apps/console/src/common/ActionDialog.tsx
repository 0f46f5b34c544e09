import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Form, ResourceContextProvider, SaveButton, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';

import { fieldErrorsOfError, useApiAction } from './apiAction';
import type { FleetDataProvider } from '../providers/dataProvider';

interface ActionDialogProps<V extends FieldValues> {
  /** The button that opens the dialog: a translation key and an icon. */
  label: string;
  icon?: ReactElement;
  title: string;
  /** Whose `resources.<name>.fields.*` name the inputs. */
  resource: string;
  defaultValues?: Partial<V>;
  /** The API call; its refusal's field errors show under the inputs, its message as a notice. */
  action: (provider: FleetDataProvider, values: V) => Promise<unknown>;
  onDone?: () => void;
  disabled?: boolean;
  children: ReactNode;
}

// The dialog sits inside a record's page: without a record of its own, its form would start from (and
// send) that record's fields.
const NO_RECORD = {};

/** A button that opens a small form for one of the API's actions (assign, return, report lost, void…). */
export function ActionDialog<V extends FieldValues>({
  label,
  icon,
  title,
  resource,
  defaultValues,
  action,
  onDone,
  disabled,
  children,
}: ActionDialogProps<V>) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run } = useApiAction();

  const onSubmit = async (values: FieldValues) => {
    const outcome = await run((provider) => action(provider, values as V));
    if (outcome.ok) {
      setOpen(false);
      onDone?.();
      return undefined;
    }
    return fieldErrorsOfError(outcome.error);
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} disabled={disabled}>
        {icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <ResourceContextProvider value={resource}>
          <Form record={NO_RECORD} defaultValues={defaultValues} onSubmit={onSubmit}>
            <DialogTitle>{translate(title)}</DialogTitle>
            <DialogContent>{children}</DialogContent>
            <DialogActions>
              <MuiButton onClick={() => setOpen(false)}>{translate('fleet.actions.cancel')}</MuiButton>
              <SaveButton label={label} icon={icon} alwaysEnable />
            </DialogActions>
          </Form>
        </ResourceContextProvider>
      </Dialog>
    </>
  );
}
