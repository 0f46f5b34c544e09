import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login form under the console's name, so people know where they are signing in. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    // A focused field's label in the darker blue: the default one on the filled field's grey is below the
    // 4.5:1 contrast people with low vision need (WCAG 1.4.3).
    <Login sx={{ '& .MuiInputLabel-root.Mui-focused': { color: 'primary.dark' } }}>
      <Typography component="h1" variant="h6" align="center" sx={{ mt: 1 }}>
        {translate('fleet.title')}
      </Typography>
      <LoginForm />
    </Login>
  );
};
