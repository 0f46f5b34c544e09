import { Injectable } from '@nestjs/common';
import type { SimSlot } from '@fleet/domain/inventory';
import type { SimInstallationDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { InstallSimUseCase } from './install-sim.use-case';
import { RemoveSimUseCase } from './remove-sim.use-case';

/** Moves a SIM from its device into a slot of another, now: taken out, then put in, in one transaction. */
@Injectable()
export class MoveSimUseCase {
  constructor(
    private readonly removeSim: RemoveSimUseCase,
    private readonly installSim: InstallSimUseCase,
  ) {}

  async execute(
    simId: number,
    to: { deviceId: number; slot: SimSlot },
    actor: Actor,
    now: Date,
    manager: EntityManager,
  ): Promise<SimInstallationDto> {
    await this.removeSim.execute(simId, {}, actor, now, manager);
    return this.installSim.execute(simId, to, actor, now, manager);
  }
}
