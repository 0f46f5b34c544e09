import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row that names this database: its id prefixes every key the API and worker write to Redis,
 * so instances that share a Redis never see each other's jobs. The fingerprint (the database's oid and
 * name, and the cluster's identifier where it can be read) tells a copy or a restored backup from the
 * original: a copy gets an id of its own the first time it starts (see resolveInstallation).
 */
@Entity('installation')
@Check('installation_singleton_check', '"singleton"')
export class InstallationEntity {
  @PrimaryColumn({ type: 'boolean', default: true })
  singleton: boolean;

  @Column({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  fingerprint: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
