import type { LoginResponse } from '@fleet/shared/contracts';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import {
  Form,
  HttpError,
  PasswordInput,
  SaveButton,
  Title,
  required,
  useGetIdentity,
  useNotify,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { postApi } from '../providers/http';
import { saveSession } from '../providers/session';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const requiredValue = required();
const sameAsNew: Validator = (value: unknown, values: Partial<PasswordForm>) =>
  value === values.newPassword ? undefined : 'fleet.account.mismatch';

/**
 * The user's own password change (POST /api/auth/password). Shown instead of everything else while the
 * account has an initial password; the API ends the account's other sessions and starts a new one here.
 */
export const ChangePasswordPage = ({ forced = false }: { forced?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { refetch } = useGetIdentity();
  // What the role may see was asked while the password was still the initial one: ask again.
  const refresh = useRefresh();

  const save = async (values: Partial<PasswordForm>) => {
    try {
      const response = await postApi<LoginResponse>('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      saveSession(response, Date.now());
      notify('fleet.account.changed', { type: 'success' });
      await refetch();
      refresh();
      navigate('/');
      return undefined;
    } catch (error) {
      if (error instanceof HttpError) {
        // httpClient has put the API's field errors in react-admin's shape: {field: reason}.
        const errors = (error.body as { errors?: unknown } | null)?.errors;
        if (errors && typeof errors === 'object' && !Array.isArray(errors)) return errors;
        notify(error.message, { type: 'error' });
      }
      return undefined;
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 520 }}>
      <Title title="fleet.account.change_password" />
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('fleet.account.change_password')}
        </Typography>
        {forced && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('fleet.account.must_change')}
          </Alert>
        )}
        <Typography color="text.secondary" gutterBottom>
          {translate('fleet.account.policy')}
        </Typography>
        <Form onSubmit={save}>
          <PasswordInput
            source="currentPassword"
            label="fleet.account.current"
            validate={requiredValue}
            autoComplete="current-password"
            fullWidth
          />
          <PasswordInput
            source="newPassword"
            label="fleet.account.new"
            validate={requiredValue}
            autoComplete="new-password"
            fullWidth
          />
          <PasswordInput
            source="confirmPassword"
            label="fleet.account.confirm"
            validate={[requiredValue, sameAsNew]}
            autoComplete="new-password"
            fullWidth
          />
          <SaveButton label="fleet.account.save" alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};

export default ChangePasswordPage;
