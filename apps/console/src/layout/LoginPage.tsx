import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login form under the console's name, so people know where they are signing in. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Typography component="h1" variant="h6" align="center" sx={{ mt: 1 }}>
        {translate('fleet.title')}
      </Typography>
      <LoginForm />
    </Login>
  );
};
