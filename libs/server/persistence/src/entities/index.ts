import { AlertEntity } from './alert.entity';
import { ApnProfileEntity } from './apn-profile.entity';
import { AuditLogEntity } from './audit-log.entity';
import {
  BillingPeriodEntity,
  BillingRulesEntity,
  OverageEntity,
  StatementEntity,
  StatementLineEntity,
} from './billing.entity';
import {
  ContractEntity,
  InstallmentEntity,
  InstallmentPaymentEntity,
  InvoiceEntity,
  OutageEntity,
} from './contract.entity';
import { BulkImportEntity, BulkImportRejectionEntity } from './bulk-import.entity';
import { AssignmentEntity, SimInstallationEntity } from './custody.entity';
import { DeviceEntity } from './device.entity';
import { InstallationEntity } from './installation.entity';
import { LeaseEndCheckEntity } from './lease-end-check.entity';
import { LostReportEntity } from './lost-report.entity';
import { NotificationEntity } from './notification.entity';
import { OfficerEntity } from './officer.entity';
import { PlanEntity } from './plan.entity';
import { RepairPhotoEntity, RepairTicketEntity, RepairTicketEventEntity } from './repair.entity';
import { LoginFailureEntity, SessionEntity } from './session.entity';
import { SimCardEntity } from './sim-card.entity';
import { StocktakeEntity, StocktakeScanEntity } from './stocktake.entity';
import { UnitEntity } from './unit.entity';
import { MonthlyUsageEntity, UsageImportEntity, UsageImportRejectionEntity } from './usage.entity';
import { UserEntity } from './user.entity';

export * from './alert.entity';
export * from './file-run';
export * from './billing.entity';
export * from './usage.entity';
export * from './bulk-import.entity';
export * from './repair.entity';
export * from './contract.entity';
export * from './session.entity';
export {
  ApnProfileEntity,
  AssignmentEntity,
  AuditLogEntity,
  DeviceEntity,
  InstallationEntity,
  LeaseEndCheckEntity,
  LostReportEntity,
  NotificationEntity,
  OfficerEntity,
  PlanEntity,
  SimCardEntity,
  SimInstallationEntity,
  StocktakeEntity,
  StocktakeScanEntity,
  UnitEntity,
  UserEntity,
};

export const ENTITIES = [
  InstallationEntity,
  UnitEntity,
  OfficerEntity,
  UserEntity,
  SessionEntity,
  LoginFailureEntity,
  AuditLogEntity,
  ApnProfileEntity,
  PlanEntity,
  DeviceEntity,
  SimCardEntity,
  AssignmentEntity,
  SimInstallationEntity,
  LostReportEntity,
  LeaseEndCheckEntity,
  StocktakeEntity,
  StocktakeScanEntity,
  BulkImportEntity,
  BulkImportRejectionEntity,
  AlertEntity,
  UsageImportEntity,
  UsageImportRejectionEntity,
  MonthlyUsageEntity,
  BillingRulesEntity,
  BillingPeriodEntity,
  OverageEntity,
  StatementEntity,
  StatementLineEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
  RepairPhotoEntity,
  ContractEntity,
  InstallmentEntity,
  InstallmentPaymentEntity,
  OutageEntity,
  InvoiceEntity,
  NotificationEntity,
];
