import { Injectable } from '@nestjs/common';
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
import { toAssignmentDto, toInstallationDto } from './custody.mapper';
import { CustodyReader, type IntervalFilter } from './custody.reader';

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
function custodyFilters(query: ListQuery): { query: ListQuery; filter: IntervalFilter } {
  const value = (spec: FilterSpec) => query.filters.find((f) => f.spec === spec)?.value;
  const open = value(OPEN);
  return {
    query: { ...query, filters: query.filters.filter((f) => f.spec !== OPEN && f.spec !== INCLUDE_VOIDED) },
    filter: {
      open: typeof open === 'boolean' ? open : undefined,
      includeVoided: value(INCLUDE_VOIDED) === true,
    },
  };
}

/** Assignments (领用记录), read: an officer login sees only its own, others answer 404. */
@Injectable()
export class AssignmentsService extends ReadService<AssignmentEntity, AssignmentDto> {
  constructor(private readonly reader: CustodyReader) {
    super(reader.dataSource, AssignmentEntity, ASSIGNMENT_LIST);
  }

  protected toDto(assignment: AssignmentEntity): AssignmentDto {
    return toAssignmentDto(assignment);
  }

  override async listFor(actor: Actor, listQuery: ListQuery): Promise<ListResult<AssignmentDto>> {
    const { query, filter } = custodyFilters(listQuery);
    return (await this.reader.listAssignments(actor, ASSIGNMENT_LIST, query, filter)).map(toAssignmentDto);
  }

  override async getFor(actor: Actor, id: number): Promise<AssignmentDto> {
    return toAssignmentDto(await this.reader.visibleAssignment(actor, id));
  }
}

/** SIM installations (装卡记录), read by staff. */
@Injectable()
export class SimInstallationsService extends ReadService<SimInstallationEntity, SimInstallationDto> {
  constructor(private readonly reader: CustodyReader) {
    super(reader.dataSource, SimInstallationEntity, SIM_INSTALLATION_LIST);
  }

  protected toDto(installation: SimInstallationEntity): SimInstallationDto {
    return toInstallationDto(installation);
  }

  override async list(listQuery: ListQuery): Promise<ListResult<SimInstallationDto>> {
    const { query, filter } = custodyFilters(listQuery);
    return (await this.reader.listInstallations(SIM_INSTALLATION_LIST, query, filter)).map(toInstallationDto);
  }
}
