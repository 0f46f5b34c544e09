import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssignmentDto, SimInstallationDto } from '@fleet/shared/contracts';
import { AssignmentEntity, SimInstallationEntity } from '@fleet/server/persistence';
import {
  type Actor,
  type FilterSpec,
  type ListQuery,
  type ListResult,
  type ListSpec,
  ReadService,
} from '@fleet/server/platform';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { listNarrowed } from '../shared/crud-helpers';
import { findVisible, narrowToOwn } from '../shared/officer-scope';
import { toAssignmentDto, toInstallationDto } from './custody.mapper';

// Filters that are not a column compared with '=': applied by custodyFilters below.
const OPEN: FilterSpec = { property: 'endAt', type: 'boolean' };
const INCLUDE_VOIDED: FilterSpec = { property: 'voidedAt', type: 'boolean' };

export const ASSIGNMENT_LIST: ListSpec = {
  resource: 'assignments',
  sortable: ['id', 'startAt', 'endAt', 'deviceId', 'officerId'],
  defaultSort: ['startAt', 'DESC'],
  filters: {
    deviceId: { property: 'deviceId', type: 'int' },
    officerId: { property: 'officerId', type: 'int' },
    open: OPEN,
    includeVoided: INCLUDE_VOIDED,
  },
};

export const SIM_INSTALLATION_LIST: ListSpec = {
  resource: 'sim-installations',
  sortable: ['id', 'startAt', 'endAt', 'deviceId', 'simId', 'slot'],
  defaultSort: ['startAt', 'DESC'],
  filters: {
    deviceId: { property: 'deviceId', type: 'int' },
    simId: { property: 'simId', type: 'int' },
    slot: { property: 'slot', type: 'int' },
    open: OPEN,
    includeVoided: INCLUDE_VOIDED,
  },
};

/** Splits `open` and `includeVoided` off a list query; voided records are left out unless asked for. */
function custodyFilters<E extends AssignmentEntity | SimInstallationEntity>(
  query: ListQuery,
): { query: ListQuery; narrow: (builder: SelectQueryBuilder<E>) => void } {
  const value = (spec: FilterSpec) => query.filters.find((f) => f.spec === spec)?.value;
  const open = value(OPEN);
  const includeVoided = value(INCLUDE_VOIDED) === true;
  return {
    query: { ...query, filters: query.filters.filter((f) => f.spec !== OPEN && f.spec !== INCLUDE_VOIDED) },
    narrow: (builder) => {
      if (!includeVoided) builder.andWhere('e.voidedAt IS NULL');
      if (open === true) builder.andWhere('e.endAt IS NULL');
      if (open === false) builder.andWhere('e.endAt IS NOT NULL');
    },
  };
}

// An officer login sees its own assignments.
const OWN = 'e.officerId = :scope';

/** Assignments (领用记录), read: an officer login sees only its own, others answer 404. */
@Injectable()
export class AssignmentsService extends ReadService<AssignmentEntity, AssignmentDto> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, AssignmentEntity, ASSIGNMENT_LIST);
  }

  protected toDto(assignment: AssignmentEntity): AssignmentDto {
    return toAssignmentDto(assignment);
  }

  override async listFor(actor: Actor, listQuery: ListQuery): Promise<ListResult<AssignmentDto>> {
    const { query, narrow } = custodyFilters<AssignmentEntity>(listQuery);
    const own = narrowToOwn<AssignmentEntity>(actor, OWN);
    const page = await listNarrowed(this.dataSource, AssignmentEntity, ASSIGNMENT_LIST, query, (b) => {
      narrow(b);
      own?.(b);
    });
    return page.map(toAssignmentDto);
  }

  override async getFor(actor: Actor, id: number): Promise<AssignmentDto> {
    return toAssignmentDto(await this.loadVisible(actor, id));
  }

  /** An assignment the actor may see: an officer only their own, others answer 404. */
  loadVisible(actor: Actor, id: number): Promise<AssignmentEntity> {
    return findVisible(this.dataSource.manager, AssignmentEntity, 'assignments', actor, id, OWN);
  }
}

/** SIM installations (装卡记录), read by staff. */
@Injectable()
export class SimInstallationsService extends ReadService<SimInstallationEntity, SimInstallationDto> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, SimInstallationEntity, SIM_INSTALLATION_LIST);
  }

  protected toDto(installation: SimInstallationEntity): SimInstallationDto {
    return toInstallationDto(installation);
  }

  override async list(listQuery: ListQuery): Promise<ListResult<SimInstallationDto>> {
    const { query, narrow } = custodyFilters<SimInstallationEntity>(listQuery);
    const page = await listNarrowed(
      this.dataSource,
      SimInstallationEntity,
      SIM_INSTALLATION_LIST,
      query,
      narrow,
    );
    return page.map(toInstallationDto);
  }
}
