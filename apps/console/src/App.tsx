import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';

import { ChangePasswordPage } from './account/ChangePasswordPage';
import apnProfiles from './apn-profiles';
import assignments from './assignments';
import auditLog from './audit-log';
import contracts from './contracts';
import devices from './devices';
import imports from './imports';
import installments from './installments';
import invoices from './invoices';
import { AppLayout } from './layout/AppMenu';
import { Dashboard } from './layout/Dashboard';
import { LoginPage } from './layout/LoginPage';
import { darkTheme, theme } from './layout/theme';
import lostReports from './lost-reports';
import officers from './officers';
import outages from './outages';
import periods from './periods';
import plans from './plans';
import repairTickets from './repairs';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import simCards from './sim-cards';
import slaCredits from './sla-credits';
import statements from './statements';
import stocktakes from './stocktakes';
import units from './units';
import usageImports from './usage-imports';
import users from './users';

const LeaseEndPage = lazy(() => import('./lease-end/LeaseEndPage'));
const MyDevicesPage = lazy(() => import('./my-devices/MyDevicesPage'));
const MyUsagePage = lazy(() => import('./my-usage/MyUsagePage'));
const RepairIntakePage = lazy(() => import('./repair-intake/RepairIntakePage'));
const MyRepairsPage = lazy(() => import('./my-repairs/MyRepairsPage'));
const RepairReportsPage = lazy(() => import('./repair-reports/RepairReportsPage'));
const ContractLedgerPage = lazy(() => import('./contract-ledger/ContractLedgerPage'));

// The menu and each page's buttons follow authProvider.canAccess, so a role sees only what it may use.
export const App = () => (
  <Admin
    title="警务通终端管理"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    theme={theme}
    darkTheme={darkTheme}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="devices" {...devices} />
    <Resource name="sim-cards" {...simCards} />
    <Resource name="assignments" {...assignments} />
    <Resource name="lost-reports" {...lostReports} />
    <Resource name="stocktakes" {...stocktakes} />
    <Resource name="imports" {...imports} />
    <Resource name="usage-imports" {...usageImports} />
    <Resource name="periods" {...periods} />
    <Resource name="statements" {...statements} />
    <Resource name="repair-tickets" {...repairTickets} />
    <Resource name="installments" {...installments} />
    <Resource name="outages" {...outages} />
    <Resource name="sla-credits" {...slaCredits} />
    <Resource name="invoices" {...invoices} />
    <Resource name="contracts" {...contracts} />
    <Resource name="apn-profiles" {...apnProfiles} />
    <Resource name="plans" {...plans} />
    <Resource name="officers" {...officers} />
    <Resource name="units" {...units} />
    <Resource name="users" {...users} />
    <Resource name="audit-log" {...auditLog} />
    <CustomRoutes>
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route path="/lease-end" element={<LeaseEndPage />} />
      <Route path="/my-devices" element={<MyDevicesPage />} />
      <Route path="/my-usage" element={<MyUsagePage />} />
      <Route path="/repair-intake" element={<RepairIntakePage />} />
      <Route path="/my-repairs" element={<MyRepairsPage />} />
      <Route path="/repair-reports" element={<RepairReportsPage />} />
      <Route path="/contract-ledger" element={<ContractLedgerPage />} />
    </CustomRoutes>
  </Admin>
);
