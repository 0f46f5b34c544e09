import { CONTRACT_ALERT_KINDS } from '@fleet/domain/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_KINDS = [
  'warranty_ending',
  'lease_ending',
  'sim_not_real_name',
  'sim_not_active',
  'device_lost',
  ...CONTRACT_ALERT_KINDS,
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * A dashboard alert as of one day, computed by the daily job (Asia/Shanghai). A day's run replaces
 * that day's set, so rerunning it changes nothing.
 */
@Entity('alerts')
@Index(['asOf', 'kind', 'resource', 'resourceId'], { unique: true })
export class AlertEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'varchar', length: 32 })
  kind: AlertKind;

  @Column({ type: 'varchar', length: 32 })
  resource: string;

  @Column({ type: 'int' })
  resourceId: number;

  /** The date the alert is about (warranty end, lease end, activation deadline, installment due), if any. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** The threshold crossed (90, 30, 7 days), for date alerts. */
  @Column({ type: 'int', nullable: true })
  daysLeft: number | null;

  /** What a person reads: the device's IMEI, the SIM's number, the holder. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, string | number | null>;
}
