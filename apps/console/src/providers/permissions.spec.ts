import { describe, expect, it } from '@jest/globals';

import { canRoleAccess } from './permissions';

describe('canRoleAccess', () => {
  it('lets the system administrator manage officers and units, but not accounts or the audit log (三员分立)', () => {
    for (const resource of ['officers', 'units']) {
      for (const action of ['list', 'show', 'create', 'edit', 'delete']) {
        expect(canRoleAccess('admin', action, resource)).toBe(true);
      }
    }
    expect(canRoleAccess('admin', 'list', 'users')).toBe(false);
    expect(canRoleAccess('admin', 'create', 'users')).toBe(false);
    expect(canRoleAccess('admin', 'list', 'audit-log')).toBe(false);
  });

  it('lets the security administrator manage accounts and only read officers and units to link them', () => {
    for (const action of ['list', 'show', 'create', 'edit', 'delete']) {
      expect(canRoleAccess('secadmin', action, 'users')).toBe(true);
    }
    expect(canRoleAccess('secadmin', 'list', 'officers')).toBe(true);
    expect(canRoleAccess('secadmin', 'edit', 'officers')).toBe(false);
    expect(canRoleAccess('secadmin', 'list', 'devices')).toBe(false);
    expect(canRoleAccess('secadmin', 'list', 'audit-log')).toBe(false);
  });

  it('lets the audit administrator read the audit log and nothing else, never change it', () => {
    expect(canRoleAccess('auditadmin', 'list', 'audit-log')).toBe(true);
    expect(canRoleAccess('auditadmin', 'edit', 'audit-log')).toBe(false);
    expect(canRoleAccess('auditadmin', 'delete', 'audit-log')).toBe(false);
    for (const resource of ['users', 'officers', 'devices', 'statements']) {
      expect(canRoleAccess('auditadmin', 'list', resource)).toBe(false);
    }
  });

  it('lets an auditor read officers and units but change nothing, and see neither accounts nor the audit log', () => {
    expect(canRoleAccess('auditor', 'show', 'officers')).toBe(true);
    expect(canRoleAccess('auditor', 'create', 'officers')).toBe(false);
    expect(canRoleAccess('auditor', 'edit', 'units')).toBe(false);
    expect(canRoleAccess('auditor', 'list', 'audit-log')).toBe(false);
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
    expect(canRoleAccess('admin', 'list', 'spare-parts')).toBe(false);
    expect(canRoleAccess('auditor', 'bulk_update', 'officers')).toBe(false);
  });

  it('lets an administrator manage the inventory and run custody actions', () => {
    for (const resource of ['devices', 'sim-cards', 'apn-profiles', 'plans', 'stocktakes', 'imports']) {
      expect(canRoleAccess('admin', 'create', resource)).toBe(true);
    }
    expect(canRoleAccess('admin', 'assign', 'devices')).toBe(true);
    expect(canRoleAccess('admin', 'void', 'assignments')).toBe(true);
    expect(canRoleAccess('admin', 'edit', 'lease-end')).toBe(true);
  });

  it('lets repair intake read devices, SIMs and plans and scan into a stocktake, but change nothing else', () => {
    for (const resource of ['devices', 'sim-cards', 'apn-profiles', 'plans']) {
      expect(canRoleAccess('repair_intake', 'show', resource)).toBe(true);
      expect(canRoleAccess('repair_intake', 'edit', resource)).toBe(false);
    }
    expect(canRoleAccess('repair_intake', 'assign', 'devices')).toBe(false);
    expect(canRoleAccess('repair_intake', 'scan', 'stocktakes')).toBe(true);
    expect(canRoleAccess('repair_intake', 'create', 'stocktakes')).toBe(false);
    expect(canRoleAccess('repair_intake', 'list', 'imports')).toBe(false);
  });

  it('shows an officer only their own device page, not the inventory lists', () => {
    expect(canRoleAccess('officer', 'list', 'my-devices')).toBe(true);
    expect(canRoleAccess('officer', 'list', 'devices')).toBe(false);
    expect(canRoleAccess('officer', 'list', 'sim-cards')).toBe(false);
    expect(canRoleAccess('admin', 'list', 'my-devices')).toBe(false);
  });

  it('lets an auditor read the inventory, export it and see alerts, but take no custody action', () => {
    expect(canRoleAccess('auditor', 'export', 'devices')).toBe(true);
    expect(canRoleAccess('auditor', 'list', 'alerts')).toBe(true);
    expect(canRoleAccess('auditor', 'assign', 'devices')).toBe(false);
    expect(canRoleAccess('auditor', 'scan', 'stocktakes')).toBe(false);
  });

  it('lets an officer read and answer their statements and nothing else of billing', () => {
    expect(canRoleAccess('officer', 'list', 'my-usage')).toBe(true);
    expect(canRoleAccess('officer', 'show', 'statements')).toBe(true);
    expect(canRoleAccess('officer', 'acknowledge', 'statements')).toBe(true);
    expect(canRoleAccess('officer', 'dispute', 'statements')).toBe(true);
    expect(canRoleAccess('officer', 'list', 'usage-imports')).toBe(false);
    expect(canRoleAccess('officer', 'list', 'periods')).toBe(false);
    expect(canRoleAccess('officer', 'list', 'usage-dashboard')).toBe(false);
  });

  it('lets administrators close months and upload usage, auditors only read them', () => {
    expect(canRoleAccess('admin', 'close', 'periods')).toBe(true);
    expect(canRoleAccess('admin', 'create', 'usage-imports')).toBe(true);
    expect(canRoleAccess('admin', 'acknowledge', 'statements')).toBe(false);
    expect(canRoleAccess('admin', 'list', 'my-usage')).toBe(false);
    expect(canRoleAccess('auditor', 'list', 'periods')).toBe(true);
    expect(canRoleAccess('auditor', 'close', 'periods')).toBe(false);
    expect(canRoleAccess('auditor', 'create', 'usage-imports')).toBe(false);
    expect(canRoleAccess('repair_intake', 'list', 'statements')).toBe(false);
  });

  it('lets repair intake take phones in and work tickets, but not change who is liable', () => {
    for (const resource of ['repair-tickets', 'repair-intake', 'repair-reports']) {
      expect(canRoleAccess('repair_intake', 'list', resource)).toBe(true);
    }
    expect(canRoleAccess('repair_intake', 'edit', 'repair-tickets')).toBe(true);
    expect(canRoleAccess('repair_intake', 'override_liability', 'repair-tickets')).toBe(false);
    expect(canRoleAccess('admin', 'override_liability', 'repair-tickets')).toBe(true);
    expect(canRoleAccess('repair_intake', 'approve_charge', 'repair-tickets')).toBe(false);
    expect(canRoleAccess('auditor', 'approve_charge', 'repair-tickets')).toBe(false);
    expect(canRoleAccess('admin', 'approve_charge', 'repair-tickets')).toBe(true);
    expect(canRoleAccess('repair_intake', 'list', 'my-repairs')).toBe(false);
  });

  it('lets an auditor read repair tickets and reports but take no repair step', () => {
    expect(canRoleAccess('auditor', 'list', 'repair-tickets')).toBe(true);
    expect(canRoleAccess('auditor', 'list', 'repair-reports')).toBe(true);
    expect(canRoleAccess('auditor', 'edit', 'repair-tickets')).toBe(false);
    expect(canRoleAccess('auditor', 'list', 'repair-intake')).toBe(false);
  });

  it('gives an officer their own repairs page and ticket pages, not the tickets list', () => {
    expect(canRoleAccess('officer', 'list', 'my-repairs')).toBe(true);
    expect(canRoleAccess('officer', 'show', 'repair-tickets')).toBe(true);
    expect(canRoleAccess('officer', 'list', 'repair-tickets')).toBe(false);
    expect(canRoleAccess('officer', 'edit', 'repair-tickets')).toBe(false);
    expect(canRoleAccess('officer', 'list', 'repair-intake')).toBe(false);
    expect(canRoleAccess('admin', 'list', 'my-repairs')).toBe(false);
  });

  it('shows the contract ledger to administrators (who record in it) and auditors (who only read it)', () => {
    for (const resource of ['contracts', 'installments', 'outages', 'invoices']) {
      expect(canRoleAccess('admin', 'create', resource)).toBe(true);
      expect(canRoleAccess('auditor', 'list', resource)).toBe(true);
      expect(canRoleAccess('auditor', 'edit', resource)).toBe(false);
    }
    expect(canRoleAccess('auditor', 'list', 'sla-credits')).toBe(true);
    expect(canRoleAccess('auditor', 'list', 'contract-ledger')).toBe(true);
    expect(canRoleAccess('admin', 'create', 'sla-credits')).toBe(false);
    for (const role of ['officer', 'repair_intake'] as const) {
      for (const resource of [
        'contract-ledger',
        'contracts',
        'installments',
        'outages',
        'sla-credits',
        'invoices',
      ]) {
        expect(canRoleAccess(role, 'list', resource)).toBe(false);
      }
    }
  });
});
