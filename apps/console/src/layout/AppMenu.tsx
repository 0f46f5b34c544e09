import AddToHomeScreenIcon from '@mui/icons-material/AddToHomeScreen';
import BarChartIcon from '@mui/icons-material/BarChart';
import BuildIcon from '@mui/icons-material/Build';
import DataUsageIcon from '@mui/icons-material/DataUsage';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import PhoneIphoneIcon from '@mui/icons-material/PhoneIphone';
import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactElement } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  Menu,
  ToggleThemeButton,
  useCanAccess,
  useGetIdentity,
  useTranslate,
  UserMenu,
  useUserMenu,
  type LayoutProps,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { ChangePasswordPage } from '../account/ChangePasswordPage';
import type { ConsoleIdentity } from '../providers/authProvider';
import { LANDING } from './Dashboard';
import { NotificationBell } from './NotificationBell';

/** A menu entry for a page that is not a resource, shown to the roles that may open it. */
const PageItem = ({
  resource,
  to,
  label,
  icon,
}: {
  resource: string;
  to: string;
  label: string;
  icon: ReactElement;
}) => {
  const { canAccess } = useCanAccess({ action: 'list', resource });
  return canAccess ? <Menu.Item to={to} primaryText={label} leftIcon={icon} /> : null;
};

/** The resources the role may list (react-admin asks canAccess), and the console's own pages. */
const AppMenu = () => {
  const { identity } = useGetIdentity();
  const role = (identity as ConsoleIdentity | undefined)?.role;
  // A role that lands on a page of its own (repair intake, the two administrators) has no overview.
  return (
    <Menu>
      {role && !LANDING[role] && <Menu.DashboardItem primaryText="fleet.dashboard.title" />}
      <PageItem
        resource="my-devices"
        to="/my-devices"
        label="fleet.my_devices.title"
        icon={<PhoneIphoneIcon />}
      />
      <PageItem resource="my-usage" to="/my-usage" label="fleet.my_usage.title" icon={<DataUsageIcon />} />
      <PageItem resource="my-repairs" to="/my-repairs" label="fleet.my_repairs.title" icon={<BuildIcon />} />
      <PageItem
        resource="repair-intake"
        to="/repair-intake"
        label="fleet.repair_intake.title"
        icon={<AddToHomeScreenIcon />}
      />
      <PageItem
        resource="contract-ledger"
        to="/contract-ledger"
        label="fleet.ledger.title"
        icon={<AccountBalanceIcon />}
      />
      <Menu.ResourceItems />
      <PageItem
        resource="repair-reports"
        to="/repair-reports"
        label="fleet.repair_reports.title"
        icon={<BarChartIcon />}
      />
      <PageItem resource="lease-end" to="/lease-end" label="fleet.lease_end.title" icon={<EventBusyIcon />} />
    </Menu>
  );
};

/** 修改密码 in the user menu, for every role. */
const ChangePasswordItem = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        navigate('/change-password');
      }}
    >
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('fleet.account.change_password')}</ListItemText>
    </MenuItem>
  );
};

const AppAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
    userMenu={
      <UserMenu>
        <ChangePasswordItem />
        <Logout />
      </UserMenu>
    }
  />
);

/** While the account has an initial password, the password change is all the console shows. */
export const AppLayout = ({ children, ...props }: LayoutProps) => {
  const { identity } = useGetIdentity();
  const forced = (identity as ConsoleIdentity | undefined)?.mustChangePassword === true;
  return (
    <Layout {...props} menu={AppMenu} appBar={AppAppBar}>
      {forced ? <ChangePasswordPage forced /> : children}
    </Layout>
  );
};
