import { AuditLogEntity } from './audit-log.entity';
import { OfficerEntity } from './officer.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export { AuditLogEntity, OfficerEntity, UnitEntity, UserEntity };

export const ENTITIES = [UnitEntity, OfficerEntity, UserEntity, AuditLogEntity];
