import type { SPFI } from '@pnp/sp';
import { z } from 'zod';
import {
  PLAN_STATUS_LABELS,
  type CurrentUser,
  type StoredPlan,
  type PlanStatus,
  type PlanWorkflowRepository,
  type StatusHistoryEntry,
  type TeamDecisions
} from '../../domain';
import { driftError, ListGateway, parseItem } from './ListGateway';
import { HISTORY, PLAN } from './lists';
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

const HISTORY_SELECT = [
  'Id',
  HISTORY.from,
  HISTORY.to,
  `${HISTORY.by}/Id`,
  `${HISTORY.by}/Title`,
  `${HISTORY.by}/EMail`,
  HISTORY.at,
  HISTORY.comment
];

/** Status changes and their history in SharePoint. */
export class SpWorkflowRepository implements PlanWorkflowRepository {
  private readonly planList: ListGateway;
  private readonly historyList: ListGateway;
  private readonly plans: SpPlanRepository;

  public constructor(sp: SPFI) {
    this.planList = new ListGateway(sp, 'plans');
    this.historyList = new ListGateway(sp, 'statusHistory');
    this.plans = new SpPlanRepository(sp);
  }

  public async changeStatus(plan: StoredPlan, to: PlanStatus, by: CurrentUser, comment: string): Promise<StoredPlan> {
    const what = `Changing the status of plan ${plan.id}`;
    await this.planList.update(what, plan.id, plan.version, { [PLAN.status]: statusLabel(to) });
    await this.record(what, plan, by, comment, to);
    return this.plans.get(plan.id);
  }

  public async updateTeamDecisions(plan: StoredPlan, changes: TeamDecisions, by: CurrentUser, note: string): Promise<StoredPlan> {
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
    const what = `Updating plan ${plan.id}`;
    await this.planList.update(what, plan.id, plan.version, values);
    if (note) await this.record(what, plan, by, note);
    return this.plans.get(plan.id);
  }

  /** One history entry: who, when, from, to and why (a decision without a status change has from = to). */
  private async record(what: string, plan: StoredPlan, by: CurrentUser, comment: string, to: PlanStatus = plan.status): Promise<void> {
    await this.historyList.add(what, {
      Title: `${statusLabel(plan.status)} → ${statusLabel(to)}`,
      [`${HISTORY.plan}Id`]: plan.id,
      [HISTORY.from]: statusLabel(plan.status),
      [HISTORY.to]: statusLabel(to),
      [`${HISTORY.by}Id`]: by.id,
      [HISTORY.at]: new Date().toISOString(),
      [HISTORY.comment]: comment
    });
  }

  public history(planId: number): Promise<StatusHistoryEntry[]> {
    const title = this.historyList.title;
    return this.historyList.query(
      `Reading the history of plan ${planId}`,
      (items) =>
        items
          .select(...HISTORY_SELECT)
          .expand(HISTORY.by)
          .filter(`${HISTORY.plan}Id eq ${planId}`)
          .orderBy('Id', true)
          .top(500),
      (r) => {
        const h = parseItem(historyItemSchema, r, title);
        const toStatus = statusByLabel.get(h[HISTORY.to]);
        if (!toStatus) throw driftError(title, HISTORY.to, `"${h[HISTORY.to]}" is not a status the planner knows.`);
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
      }
    );
  }
}
