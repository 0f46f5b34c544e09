import { Admin, Resource } from 'react-admin';

import auditLog from './audit-log';
import { Dashboard } from './layout/Dashboard';
import { LoginPage } from './layout/LoginPage';
import officers from './officers';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import units from './units';
import users from './users';

// The menu and each page's buttons follow authProvider.canAccess, so a role sees only what it may use.
export const App = () => (
  <Admin
    title="警务通终端管理"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="officers" {...officers} />
    <Resource name="units" {...units} />
    <Resource name="users" {...users} />
    <Resource name="audit-log" {...auditLog} />
  </Admin>
);
