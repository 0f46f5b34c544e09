import {
  LIABLE_PARTIES,
  type LiableParty,
  OPEN_REPAIR_STATUSES,
  REPAIR_APPROVAL_STATUSES,
  REPAIR_CAUSES,
  REPAIR_STATUSES,
  type RepairApprovalCause,
  type RepairApprovalStatus,
  type RepairCause,
  type RepairStatus,
} from '@fleet/domain/repairs';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DeviceEntity } from './device.entity';
import { OfficerEntity } from './officer.entity';
import { inList } from './sql';
import { Timestamped } from './timestamps';

/**
 * A repair ticket (维修单): taken in at the desk or in the field, diagnosed (cause, liability with its
 * reason), sent out, back, and closed with its final cost, which goes on the month's statements.
 */
@Entity('repair_tickets')
@Check('repair_tickets_status_check', inList('status', REPAIR_STATUSES))
@Check('repair_tickets_cause_check', `"cause" IS NULL OR ${inList('cause', REPAIR_CAUSES)}`)
@Check('repair_tickets_liability_check', `"liability" IS NULL OR ${inList('liability', LIABLE_PARTIES)}`)
@Check('repair_tickets_liable_officer_check', `"liability" <> 'officer' OR "liable_officer_id" IS NOT NULL`)
@Check(
  'repair_tickets_money_check',
  '("quote_fen" IS NULL OR "quote_fen" >= 0) AND ("cost_fen" IS NULL OR "cost_fen" >= 0)',
)
@Check(
  'repair_tickets_closed_check',
  `"status" <> 'closed' OR ("closed_at" IS NOT NULL AND "charge_period" IS NOT NULL AND "cost_fen" IS NOT NULL)`,
)
@Check(
  'repair_tickets_approval_status_check',
  `"approval_status" IS NULL OR ${inList('approval_status', REPAIR_APPROVAL_STATUSES)}`,
)
@Index('repair_tickets_open_per_device', ['deviceId'], {
  unique: true,
  where: `"status" IN (${OPEN_REPAIR_STATUSES.map((s) => `'${s}'`).join(', ')})`,
})
export class RepairTicketEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  /** 维修单号, e.g. WX-2026-000123. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  ticketNo: string;

  @Index()
  @Column({ type: 'int' })
  deviceId: number;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: RepairStatus;

  @Index()
  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'int', nullable: true })
  reportedByOfficerId: number | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_officer_id' })
  reportedByOfficer?: OfficerEntity;

  /** Who held the device at damagedAt (or reportedAt), from the custody history. */
  @Index()
  @Column({ type: 'int', nullable: true })
  holderOfficerId: number | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_officer_id' })
  holderOfficer?: OfficerEntity;

  @Column({ type: 'varchar', length: 1000 })
  fault: string;

  /** Accessories received with the device (充电器、保护壳…). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  accessories: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  condition: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  damagedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  cause: RepairCause | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  diagnosis: string | null;

  @Column({ type: 'date' })
  warrantyEndOn: string;

  @Column({ type: 'boolean' })
  inWarranty: boolean;

  @Column({ type: 'varchar', length: 8, nullable: true })
  liability: LiableParty | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  liableOfficerId: number | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'liable_officer_id' })
  liableOfficer?: OfficerEntity;

  /** Why this party pays, in Chinese: the rule's reason, or the admin's written reason after an override. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  liabilityReason: string | null;

  /** The same in English (an admin's written reason is kept as written). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  liabilityReasonEn: string | null;

  @Column({ type: 'boolean', default: false })
  liabilityOverridden: boolean;

  @Column({ type: 'int', nullable: true })
  quoteFen: number | null;

  @Column({ type: 'int', nullable: true })
  costFen: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  vendor: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  trackingNote: string | null;

  @Column({ type: 'int', nullable: true })
  replacementDeviceId: number | null;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replacement_device_id' })
  replacementDevice?: DeviceEntity;

  @Column({ type: 'int', nullable: true })
  loanerDeviceId: number | null;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'loaner_device_id' })
  loanerDevice?: DeviceEntity;

  @Column({ type: 'timestamptz', nullable: true })
  loanerOutAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  loanerBackAt: Date | null;

  /** The SIMs moved from the broken device into the loaner, to move back when it returns. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  loanerSimIds: number[];

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** YYYY-MM (China time) of closedAt: the month whose statements carry the charge. */
  @Index()
  @Column({ type: 'char', length: 7, nullable: true })
  chargePeriod: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  /**
   * Four eyes on money (issue 12 item 9): null when the charge needs no approval; pending keeps it off
   * statements until a second admin approves it; rejected keeps it off for good.
   */
  @Index()
  @Column({ type: 'varchar', length: 8, nullable: true })
  approvalStatus: RepairApprovalStatus | null;

  /** Why it waits: 'amount' (officer-liable cost above the threshold), 'override'. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  approvalCauses: RepairApprovalCause[];

  /** Who made the change that waits; they may not approve it. */
  @Column({ type: 'int', nullable: true })
  approvalRequestedByUserId: number | null;

  @Column({ type: 'int', nullable: true })
  approvalDecidedByUserId: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvalDecidedAt: Date | null;

  /** The approver's note or the reason for the rejection. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  approvalReason: string | null;
}

/** One step of a ticket's status flow, with when and by whom. */
@Entity('repair_ticket_events')
@Check('repair_ticket_events_to_check', inList('to_status', REPAIR_STATUSES))
@Check(
  'repair_ticket_events_from_check',
  `"from_status" IS NULL OR ${inList('from_status', REPAIR_STATUSES)}`,
)
export class RepairTicketEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  ticketId: number;

  @ManyToOne(() => RepairTicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: RepairTicketEntity;

  /** Null for the intake itself. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: RepairStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: RepairStatus;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}

/** A photo of the damage, stored under REPAIR_PHOTO_DIR. */
@Entity('repair_photos')
@Check('repair_photos_type_check', `"content_type" IN ('image/jpeg', 'image/png', 'image/webp')`)
export class RepairPhotoEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  ticketId: number;

  @ManyToOne(() => RepairTicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: RepairTicketEntity;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Relative to REPAIR_PHOTO_DIR. */
  @Column({ type: 'varchar', length: 255 })
  storedPath: string;

  @Column({ type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int', nullable: true })
  uploadedByUserId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;
}
