import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import {
  DataError,
  PLAN_STATUSES,
  type InvolvementPlan,
  type PersonRef,
  type PlanContent,
  type PlanRepository,
  type PlanStatus,
  type PlanQuery,
  type PlanSummaryPage,
  type UnreadablePlan,
  type PlanSummary,
  withRetries
} from '../../domain';
import { toDataError } from '../http';
import { listDefinition, PLAN } from './lists';
import {
  PLAN_DETAIL_SELECT,
  PLAN_EXPAND,
  PLAN_SUMMARY_SELECT,
  statusLabel,
  toInvolvementPlan,
  toPlanItemValues,
  toPlanSummary
} from './planMapper';

const PAGE_SIZE = 100;
const MAX_PAGE = 5000;
const today = (): string => new Date().toISOString().slice(0, 10);
const odataString = (s: string): string => s.replace(/'/g, "''");

/** Involvement plans in the "Involvement plans" SharePoint list. */
export class SpPlanRepository implements PlanRepository {
  private readonly title = listDefinition('plans').title;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  public listForLead(leadUserId: number, pageToken?: string): Promise<PlanSummaryPage> {
    return this.page(`${PLAN.projectLead}Id eq ${leadUserId}`, pageToken);
  }

  public query(filter: PlanQuery, pageToken?: string): Promise<PlanSummaryPage> {
    // Every clause is on an indexed column, so the query works past the 5,000-item threshold.
    const clauses: string[] = [];
    if (filter.status) clauses.push(`${PLAN.status} eq '${odataString(statusLabel(filter.status))}'`);
    if (filter.level) clauses.push(`${PLAN.chosenLevel} eq '${odataString(filter.level)}'`);
    if (filter.organisation?.trim()) clauses.push(`${PLAN.organisation} eq '${odataString(filter.organisation.trim())}'`);
    if (filter.place?.trim()) clauses.push(`${PLAN.place} eq '${odataString(filter.place.trim())}'`);
    if (filter.involvementLeadId) clauses.push(`${PLAN.involvementLead}Id eq ${filter.involvementLeadId}`);
    if (filter.decisionFrom) clauses.push(`${PLAN.decisionDate} ge datetime'${filter.decisionFrom}T00:00:00Z'`);
    if (filter.decisionTo) clauses.push(`${PLAN.decisionDate} le datetime'${filter.decisionTo}T00:00:00Z'`);
    return this.page(clauses.join(' and '), pageToken);
  }

  /** One page of summaries, newest first, paged by item id ($skiptoken=Paged=TRUE&p_ID=<last id>). */
  private async page(filter: string, pageToken?: string): Promise<PlanSummaryPage> {
    try {
      let query = this.items
        .select(...PLAN_SUMMARY_SELECT)
        .expand(...PLAN_EXPAND)
        .orderBy('Id', false)
        .top(PAGE_SIZE);
      if (filter) query = query.filter(filter);
      if (pageToken) query = query.skip(Number(pageToken));
      const raw = await query<unknown[]>();
      const items: PlanSummary[] = [];
      const unreadable: UnreadablePlan[] = [];
      for (const r of raw) {
        try {
          items.push(toPlanSummary(r));
        } catch (error) {
          const rec = r as { Id?: number; Title?: string };
          unreadable.push({ id: rec.Id ?? 0, title: rec.Title ?? '', problem: error instanceof DataError ? error.detail : String(error) });
        }
      }
      const last = raw[raw.length - 1] as { Id?: number } | undefined;
      return { items, unreadable, next: raw.length === PAGE_SIZE && last?.Id ? String(last.Id) : undefined };
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async countByStatus(): Promise<Record<PlanStatus, number>> {
    const counts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
    const byLabel = new Map(PLAN_STATUSES.map((s) => [statusLabel(s), s]));
    try {
      // Paging by Id with only the status column works at any list size (no threshold).
      for await (const page of this.items.select('Id', PLAN.status).top(MAX_PAGE)) {
        for (const item of page as Array<Record<string, unknown>>) {
          const status = byLabel.get(String(item[PLAN.status]));
          if (status) counts[status] += 1;
        }
      }
      return counts;
    } catch (error) {
      throw await toDataError(error, `Counting "${this.title}"`);
    }
  }

  public async get(id: number): Promise<InvolvementPlan> {
    let raw: unknown;
    try {
      raw = await this.items
        .getById(id)
        .select(...PLAN_DETAIL_SELECT)
        .expand(...PLAN_EXPAND)();
    } catch (error) {
      throw await toDataError(error, `Reading plan ${id}`);
    }
    return toInvolvementPlan(raw);
  }

  private async findByRequestId(requestId: string): Promise<number | undefined> {
    const found = await this.items
      .select('Id')
      .filter(`${PLAN.requestId} eq '${odataString(requestId)}'`)
      .top(1)<Array<{ Id: number }>>();
    return found[0]?.Id;
  }

  public async save(plan: InvolvementPlan): Promise<InvolvementPlan> {
    if (plan.id === undefined || !plan.version)
      throw new DataError('invalidRequest', 'Saving a plan needs its id and the version that was read.');
    try {
      await this.items.getById(plan.id).update(toPlanItemValues(plan.content, today()), plan.version);
    } catch (error) {
      throw await toDataError(error, `Saving plan ${plan.id}`);
    }
    return this.get(plan.id);
  }

  public async remove(id: number, version: string): Promise<void> {
    try {
      await this.items.getById(id).delete(version);
    } catch (error) {
      throw await toDataError(error, `Deleting plan ${id}`);
    }
  }

  public async create(content: PlanContent, lead: PersonRef, requestId: string): Promise<InvolvementPlan> {
    return withRetries(async () => {
      try {
        // A create that failed in flight may still have landed: look before adding again.
        const existing = await this.findByRequestId(requestId);
        if (existing !== undefined) return await this.get(existing);
        const added = await this.items.add({
          ...toPlanItemValues(content, today()),
          [PLAN.status]: statusLabel('draft'),
          [`${PLAN.projectLead}Id`]: lead.id,
          [PLAN.requestId]: requestId
        });
        return await this.get(added.Id as number);
      } catch (caught) {
        throw await toDataError(caught, `Creating a plan in "${this.title}"`);
      }
    });
  }
}
