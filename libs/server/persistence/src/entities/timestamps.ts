import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** Creation and last-change moments, kept by PostgreSQL. */
export abstract class Timestamped {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
