import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from './timestamps';

/** A SIM plan's monthly allowances and fee (contract clause 4.2 and 4.4); settings, never code. */
@Entity('plans')
@Check(
  'plans_amounts_check',
  '"monthly_fee_fen" >= 0 AND "voice_min" >= 0 AND "national_kb" >= 0 AND "apn_kb" >= 0 AND "sms" >= 0 AND "term_months" > 0',
)
export class PlanEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int' })
  monthlyFeeFen: number;

  @Column({ type: 'int' })
  voiceMin: number;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  nationalKb: number;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  apnKb: number;

  @Column({ type: 'int' })
  sms: number;

  @Column({ type: 'int' })
  termMonths: number;
}
