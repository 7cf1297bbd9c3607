import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { z } from 'zod';
import {
  DataError,
  PLAN_STATUS_LABELS,
  type CurrentUser,
  type InvolvementPlan,
  type PlanStatus,
  type PlanWorkflowRepository,
  type StatusHistoryEntry,
  type TeamDecisions
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
      await this.sp.web.lists
        .getByTitle(this.plansTitle)
        .items.getById(plan.id)
        .update({ [PLAN.status]: statusLabel(to) }, plan.version);
      await this.record(plan, by, comment, to);
    } catch (error) {
      throw await toDataError(error, `Changing the status of plan ${plan.id}`);
    }
    return this.plans.get(plan.id);
  }

  public async updateTeamDecisions(plan: InvolvementPlan, changes: TeamDecisions, by: CurrentUser, note: string): Promise<InvolvementPlan> {
    if (plan.id === undefined || !plan.version) throw new DataError('invalidRequest', 'Updating a plan needs its id and version.');
    const values: Record<string, unknown> = {};
    if (changes.involvementLead) values[`${PLAN.involvementLead}Id`] = changes.involvementLead.id;
    if (changes.scopingMeeting) {
      values[PLAN.scopingMeeting] = changes.scopingMeeting.at;
      values[PLAN.teamJson] = JSON.stringify({ scopingAttendees: changes.scopingMeeting.attendees });
    }
    if (changes.confirmedLevel) {
      const c = plan.content;
      const level = { ...c.level, chosen: changes.confirmedLevel, confirmedByTeam: true };
      values[PLAN.chosenLevel] = changes.confirmedLevel;
      values[PLAN.projectJson] = JSON.stringify({ project: c.project, objectives: c.objectives, triage: c.triage, level });
    }
    try {
      await this.sp.web.lists.getByTitle(this.plansTitle).items.getById(plan.id).update(values, plan.version);
      if (note) await this.record(plan, by, note);
    } catch (error) {
      throw await toDataError(error, `Updating plan ${plan.id}`);
    }
    return this.plans.get(plan.id);
  }

  /** One history entry: who, when, from, to and why (a decision without a status change has from = to). */
  private async record(plan: InvolvementPlan, by: CurrentUser, comment: string, to: PlanStatus = plan.status): Promise<void> {
    await this.sp.web.lists.getByTitle(this.historyTitle).items.add({
      Title: `${statusLabel(plan.status)} → ${statusLabel(to)}`,
      [`${HISTORY.plan}Id`]: plan.id,
      [HISTORY.from]: statusLabel(plan.status),
      [HISTORY.to]: statusLabel(to),
      [`${HISTORY.by}Id`]: by.id,
      [HISTORY.at]: new Date().toISOString(),
      [HISTORY.comment]: comment
    });
  }

  public async history(planId: number): Promise<StatusHistoryEntry[]> {
    let raw: unknown[];
    try {
      raw = await this.sp.web.lists
        .getByTitle(this.historyTitle)
        .items.select(
          'Id',
          HISTORY.from,
          HISTORY.to,
          `${HISTORY.by}/Id`,
          `${HISTORY.by}/Title`,
          `${HISTORY.by}/EMail`,
          HISTORY.at,
          HISTORY.comment
        )
        .expand(HISTORY.by)
        .filter(`${HISTORY.plan}Id eq ${planId}`)
        .orderBy('Id', true)
        .top(500)<unknown[]>();
    } catch (error) {
      throw await toDataError(error, `Reading the history of plan ${planId}`);
    }
    return raw.map((r) => {
      const parsed = historyItemSchema.safeParse(r);
      if (!parsed.success)
        throw new DataError(
          'schemaDrift',
          `List "${this.historyTitle}", column "${String(parsed.error.issues[0].path[0])}": has the wrong type or is missing.`
        );
      const h = parsed.data;
      const toStatus = statusByLabel.get(h[HISTORY.to]);
      if (!toStatus)
        throw new DataError(
          'schemaDrift',
          `List "${this.historyTitle}", column "${HISTORY.to}": "${h[HISTORY.to]}" is not a status the planner knows.`
        );
      const by = h[HISTORY.by];
      return {
        id: h.Id,
        planId,
        from: h[HISTORY.from] ? (statusByLabel.get(h[HISTORY.from] as string) ?? null) : null,
        to: toStatus,
        by: { id: by?.Id ?? 0, displayName: by?.Title ?? 'Unknown', email: by?.EMail ?? '' },
        at: h[HISTORY.at] ?? '',
        comment: h[HISTORY.comment] ?? ''
      };
    });
  }
}
