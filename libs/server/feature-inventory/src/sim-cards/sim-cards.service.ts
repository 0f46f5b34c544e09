import { Injectable } from '@nestjs/common';
import { planEndsOn, type SimSlot } from '@fleet/domain/inventory';
import type { SimCardDto } from '@fleet/shared/contracts';
import { SimCardEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  CrudService,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { ApnProfileStore } from '../apn-profiles/apn-profile.store';
import { CustodyReader } from '../custody/custody.reader';
import { PlanStore } from '../plans/plan.store';
import { refuseChanges, without } from '../shared/crud-helpers';
import type { CreateSimCardBody, UpdateSimCardBody } from './sim-card.dto';
import { SimCardStore } from './sim-card.store';

export const SIM_CARD_LIST: ListSpec = {
  resource: 'sim-cards',
  sortable: ['id', 'iccid', 'msisdn', 'activatedOn', 'planEndsOn', 'status', 'deviceId'],
  defaultSort: ['id', 'ASC'],
  filters: {
    status: { property: 'status', type: 'string' },
    apnProfileId: { property: 'apnProfileId', type: 'int' },
    planId: { property: 'planId', type: 'int' },
    deviceId: { property: 'deviceId', type: 'int' },
  },
  search: ['iccid', 'msisdn'],
};

const FOLLOWED = [
  { field: 'deviceId', zh: '所在终端随装卡、取卡变化', en: 'the device follows install and remove' },
  { field: 'slot', zh: '卡槽随装卡、取卡变化', en: 'the slot follows install and remove' },
  {
    field: 'planEndsOn',
    zh: '套餐截止日期由开通日期推算，不能直接修改',
    en: 'the plan end is derived from the activation date and cannot be edited',
  },
] as const;

/** SIM cards (号卡). An officer login sees only the SIMs in the device it holds. */
@Injectable()
export class SimCardsService extends CrudService<
  SimCardEntity,
  SimCardDto,
  CreateSimCardBody,
  UpdateSimCardBody
> {
  constructor(
    private readonly store: SimCardStore,
    private readonly profiles: ApnProfileStore,
    private readonly plans: PlanStore,
    private readonly custody: CustodyReader,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, SimCardEntity, SIM_CARD_LIST);
  }

  toDto(sim: SimCardEntity): SimCardDto {
    const { id, iccid, msisdn, apnProfileId, planId, activatedOn, realNameRegisteredOn, status, deviceId } =
      sim;
    return {
      id,
      iccid,
      msisdn,
      apnProfileId,
      planId,
      activatedOn,
      planEndsOn: sim.planEndsOn,
      realNameRegisteredOn,
      status,
      deviceId,
      slot: sim.slot as SimSlot | null,
    };
  }

  protected override toValues(input: CreateSimCardBody | UpdateSimCardBody): Partial<SimCardEntity> {
    return without(
      super.toValues(input),
      FOLLOWED.map((f) => f.field),
    );
  }

  override async update(id: number, input: UpdateSimCardBody, actor: Actor): Promise<SimCardDto> {
    const current = await this.get(id);
    refuseChanges({ ...input }, { ...current }, FOLLOWED);
    return super.update(id, input, actor);
  }

  /** Checks a create or an edit and derives the plan end from the activation date and the plan's term. */
  protected async validate(
    manager: EntityManager,
    values: Partial<SimCardEntity>,
    existing: SimCardEntity | null,
  ): Promise<void> {
    if (values.iccid) {
      const other = await this.store.withIccid(manager, values.iccid);
      if (other && other.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `ICCID ${values.iccid} 已登记为号卡 ${other.msisdn}（编号 ${other.id}）`,
            en: `ICCID ${values.iccid} is already registered as SIM ${other.msisdn} (id ${other.id})`,
          },
          'iccid',
        );
      }
    }
    const msisdn = values.msisdn ?? existing?.msisdn;
    const status = values.status ?? existing?.status ?? 'inactive';
    if (msisdn && status !== 'terminated' && (values.msisdn || values.status)) {
      const other = await this.store.liveWithMsisdn(manager, msisdn, existing?.id);
      if (other) {
        throw ApiException.conflict(
          {
            zh: `号码 ${msisdn} 已被未销户的号卡使用（编号 ${other.id}，ICCID ${other.iccid}）`,
            en: `Number ${msisdn} is in use by a SIM that is not terminated (id ${other.id}, ICCID ${other.iccid})`,
          },
          'msisdn',
        );
      }
    }
    if (values.apnProfileId != null && !(await this.profiles.exists(manager, values.apnProfileId))) {
      throw ApiException.badRequest([
        { field: 'apnProfileId', reason: { zh: 'APN 配置不存在', en: 'No such APN profile' } },
      ]);
    }
    const planId = values.planId === undefined ? existing?.planId : values.planId;
    const plan = planId == null ? null : await this.plans.find(manager, planId);
    if (planId != null && !plan) {
      throw ApiException.badRequest([{ field: 'planId', reason: { zh: '套餐不存在', en: 'No such plan' } }]);
    }
    const activatedOn = values.activatedOn === undefined ? existing?.activatedOn : values.activatedOn;
    values.planEndsOn = activatedOn ? planEndsOn(activatedOn, plan?.termMonths) : null;
  }

  /** A SIM with installation history is evidence for billing; only one registered by mistake may go. */
  override async remove(id: number, actor: Actor): Promise<SimCardDto> {
    const history = await this.custody.countOfSim(id);
    if (history > 0) {
      throw ApiException.conflict({
        zh: `该号卡已有 ${history} 条装卡记录，不能删除（可改为销户）`,
        en: `The SIM has ${history} installation record(s) and cannot be deleted (terminate it instead)`,
      });
    }
    return super.remove(id, actor);
  }

  override async listFor(actor: Actor, query: ListQuery): Promise<ListResult<SimCardDto>> {
    return (await this.store.visible.list(actor, SIM_CARD_LIST, query)).map((s) => this.toDto(s));
  }

  override async getFor(actor: Actor, id: number): Promise<SimCardDto> {
    return this.toDto(await this.store.visible.find(actor, id));
  }

  /** The SIM locked for an install or removal in the caller's transaction. */
  lockForUpdate(manager: EntityManager, id: number): Promise<SimCardEntity> {
    return this.load(manager, id, true);
  }
}
