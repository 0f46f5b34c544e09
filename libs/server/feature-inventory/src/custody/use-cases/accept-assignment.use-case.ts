import { Injectable } from '@nestjs/common';
import type { AssignmentDto } from '@fleet/shared/contracts';
import { type Actor, ApiException } from '@fleet/server/platform';
import { ASSIGNMENTS, CustodyStore } from '../custody.store';

/** The officer signs for the device (签收); an officer may sign only for the device they hold. */
@Injectable()
export class AcceptAssignmentUseCase {
  constructor(private readonly store: CustodyStore) {}

  execute(id: number, actor: Actor, now: Date): Promise<AssignmentDto> {
    return this.store.run(undefined, async (manager) => {
      const assignment = await this.store.lockInterval(manager, ASSIGNMENTS, id, actor);
      if (assignment.endAt !== null) {
        throw ApiException.conflict({
          zh: '该领用已归还，不能再签收',
          en: 'The device has been returned already',
        });
      }
      if (assignment.acceptedAt) {
        throw ApiException.conflict({
          zh: `已于 ${assignment.acceptedAt.toISOString()} 签收`,
          en: `Already accepted at ${assignment.acceptedAt.toISOString()}`,
        });
      }
      return this.store.changeInterval(manager, actor, ASSIGNMENTS, assignment, { acceptedAt: now });
    });
  }
}
