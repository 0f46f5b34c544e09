import { describe, expect, it } from '@jest/globals';

import { canRoleAccess } from './permissions';

describe('canRoleAccess', () => {
  it('lets an administrator manage officers, units and user accounts', () => {
    for (const resource of ['officers', 'units', 'users']) {
      for (const action of ['list', 'show', 'create', 'edit', 'delete']) {
        expect(canRoleAccess('admin', action, resource)).toBe(true);
      }
    }
  });

  it('keeps the audit log read-only, even for an administrator', () => {
    expect(canRoleAccess('admin', 'list', 'audit-log')).toBe(true);
    expect(canRoleAccess('admin', 'edit', 'audit-log')).toBe(false);
    expect(canRoleAccess('admin', 'delete', 'audit-log')).toBe(false);
  });

  it('lets an auditor read officers, units and the audit log but change nothing', () => {
    expect(canRoleAccess('auditor', 'list', 'audit-log')).toBe(true);
    expect(canRoleAccess('auditor', 'show', 'officers')).toBe(true);
    expect(canRoleAccess('auditor', 'create', 'officers')).toBe(false);
    expect(canRoleAccess('auditor', 'edit', 'units')).toBe(false);
  });

  it('shows user accounts to administrators only', () => {
    expect(canRoleAccess('auditor', 'list', 'users')).toBe(false);
    expect(canRoleAccess('repair_intake', 'list', 'users')).toBe(false);
  });

  it('lets repair intake read officers and units, and nothing of the audit log', () => {
    expect(canRoleAccess('repair_intake', 'list', 'officers')).toBe(true);
    expect(canRoleAccess('repair_intake', 'show', 'units')).toBe(true);
    expect(canRoleAccess('repair_intake', 'edit', 'officers')).toBe(false);
    expect(canRoleAccess('repair_intake', 'list', 'audit-log')).toBe(false);
  });

  it('shows an officer none of these lists', () => {
    expect(canRoleAccess('officer', 'list', 'officers')).toBe(false);
    expect(canRoleAccess('officer', 'list', 'units')).toBe(false);
  });

  it('refuses resources and actions it does not know', () => {
    expect(canRoleAccess('admin', 'list', 'devices')).toBe(false);
    expect(canRoleAccess('auditor', 'bulk_update', 'officers')).toBe(false);
  });
});
