import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepairPhotoEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/** A ticket's photos as rows (their bytes are files): the only code of the photos that touches TypeORM. */
@Injectable()
export class RepairPhotoStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(ticketId: number): Promise<RepairPhotoEntity[]> {
    return this.dataSource.manager.find(RepairPhotoEntity, { where: { ticketId }, order: { id: 'ASC' } });
  }

  find(ticketId: number, id: number): Promise<RepairPhotoEntity | null> {
    return this.dataSource.manager.findOneBy(RepairPhotoEntity, { id, ticketId });
  }

  count(manager: EntityManager, ticketId: number): Promise<number> {
    return manager.countBy(RepairPhotoEntity, { ticketId });
  }

  add(manager: EntityManager, values: Partial<RepairPhotoEntity>): Promise<RepairPhotoEntity> {
    return manager.save(manager.create(RepairPhotoEntity, values));
  }
}
