import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { z } from 'zod';
import {
  DataError, PLAN_STATUS_LABELS, type CurrentUser, type InvolvementPlan, type PlanStatus, type PlanWorkflowRepository,
  type StatusHistoryEntry
} from '../../domain';
import { toDataError } from '../http';
import { HISTORY, listDefinition, PLAN } from './lists';
import { statusLabel } from './planMapper';
import { SpPlanRepository } from './SpPlanRepository';

const statusByLabel = new Map(Object.entries(PLAN_STATUS_LABELS).map(([k, v]) => [v, k as PlanStatus]));

const historyItemSchema = z.object({
  Id: z.number(),
  [HISTORY.from]: z.string().nullable(),
  [HISTORY.to]: z.string(),
  [HISTORY.by]: z.object({ Id: z.number(), Title: z.string(), EMail: z.string().nullable().optional() }).nullable(),
  [HISTORY.at]: z.string().nullable(),
  [HISTORY.comment]: z.string().nullable()
});

/** Status changes and their history in SharePoint. */
export class SpWorkflowRepository implements PlanWorkflowRepository {
  private readonly plansTitle = listDefinition('plans').title;
  private readonly historyTitle = listDefinition('statusHistory').title;
  private readonly plans: SpPlanRepository;

  public constructor(private readonly sp: SPFI) {
    this.plans = new SpPlanRepository(sp);
  }

  public async changeStatus(plan: InvolvementPlan, to: PlanStatus, by: CurrentUser, comment: string): Promise<InvolvementPlan> {
    if (plan.id === undefined || !plan.version) throw new DataError('invalidRequest', 'Changing status needs the plan id and version.');
    try {
      await this.sp.web.lists.getByTitle(this.plansTitle).items.getById(plan.id).update({ [PLAN.status]: statusLabel(to) }, plan.version);
      await this.sp.web.lists.getByTitle(this.historyTitle).items.add({
        Title: `${statusLabel(plan.status)} → ${statusLabel(to)}`,
        [`${HISTORY.plan}Id`]: plan.id,
        [HISTORY.from]: statusLabel(plan.status),
        [HISTORY.to]: statusLabel(to),
        [`${HISTORY.by}Id`]: by.id,
        [HISTORY.at]: new Date().toISOString(),
        [HISTORY.comment]: comment
      });
    } catch (error) {
      throw await toDataError(error, `Changing the status of plan ${plan.id}`);
    }
    return this.plans.get(plan.id);
  }

  public async history(planId: number): Promise<StatusHistoryEntry[]> {
    let raw: unknown[];
    try {
      raw = await this.sp.web.lists.getByTitle(this.historyTitle).items
        .select('Id', HISTORY.from, HISTORY.to, `${HISTORY.by}/Id`, `${HISTORY.by}/Title`, `${HISTORY.by}/EMail`, HISTORY.at, HISTORY.comment)
        .expand(HISTORY.by).filter(`${HISTORY.plan}Id eq ${planId}`).orderBy('Id', true).top(500)<unknown[]>();
    } catch (error) {
      throw await toDataError(error, `Reading the history of plan ${planId}`);
    }
    return raw.map((r) => {
      const parsed = historyItemSchema.safeParse(r);
      if (!parsed.success) throw new DataError('schemaDrift', `List "${this.historyTitle}", column "${String(parsed.error.issues[0].path[0])}": has the wrong type or is missing.`);
      const h = parsed.data;
      const toStatus = statusByLabel.get(h[HISTORY.to]);
      if (!toStatus) throw new DataError('schemaDrift', `List "${this.historyTitle}", column "${HISTORY.to}": "${h[HISTORY.to]}" is not a status the planner knows.`);
      const by = h[HISTORY.by];
      return {
        id: h.Id, planId, from: h[HISTORY.from] ? statusByLabel.get(h[HISTORY.from] as string) ?? null : null, to: toStatus,
        by: { id: by?.Id ?? 0, displayName: by?.Title ?? 'Unknown', email: by?.EMail ?? '' }, at: h[HISTORY.at] ?? '', comment: h[HISTORY.comment] ?? ''
      };
    });
  }
}
