import type { AppMessages } from './zh';

export const enMessages: AppMessages = {
  fleet: {
    title: 'Police Phone Fleet',
    dashboard: {
      title: 'Home',
      welcome: 'Welcome, %{name}',
      intro: 'Choose what to manage from the menu on the left.',
    },
    auth: {
      locked: 'This account is locked; try again later or contact the system administrator',
      unreachable: 'Cannot reach the server; check the network and try again',
    },
    officer_status: {
      active: 'Active',
      transferred: 'Transferred',
      retired: 'Retired',
    },
    roles: {
      admin: 'Administrator',
      repair_intake: 'Repair intake',
      officer: 'Officer',
      auditor: 'Auditor',
    },
    audit_actions: {
      create: 'Create',
      update: 'Update',
      delete: 'Delete',
      login: 'Login',
      login_failed: 'Failed login',
    },
    json: {
      empty: '(none)',
    },
  },
  resources: {
    units: {
      name: 'Unit |||| Units',
      fields: {
        id: 'ID',
        name: 'Name',
        parentId: 'Parent unit',
        q: 'Search unit name',
      },
      sections: {
        children: 'Sub-units',
        officers: 'Officers in this unit',
      },
    },
    officers: {
      name: 'Officer |||| Officers',
      fields: {
        id: 'ID',
        badgeNo: 'Badge number',
        name: 'Name',
        unitId: 'Unit',
        mobile: 'Mobile',
        status: 'Status',
        q: 'Search badge number or name',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        id: 'ID',
        username: 'Username',
        role: 'Role',
        officerId: 'Officer',
        disabled: 'Disabled',
        password: 'Initial password',
        q: 'Search username',
      },
    },
    'audit-log': {
      name: 'Audit log |||| Audit log',
      fields: {
        id: 'ID',
        at: 'Time',
        userId: 'User ID',
        username: 'User',
        action: 'Action',
        resource: 'Resource',
        resourceId: 'Record ID',
        before: 'Before',
        after: 'After',
        q: 'Search',
        at_gte: 'From',
        at_lte: 'Until',
      },
    },
  },
};
