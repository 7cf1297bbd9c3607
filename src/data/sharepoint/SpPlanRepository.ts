import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-groups/web';
import {
  DataError,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  readDefensibleRecord,
  type DefensibleRecord,
  UNKNOWN_ROSTER,
  verifyProcess,
  type StatusOverview,
  type TeamDecision,
  type TeamRoster,
  type PersonRef,
  type PlanContent,
  type PlanRepository,
  type PlanStatus,
  type PlanQuery,
  type PlanSummaryPage,
  type UnreadablePlan,
  type PlanSummary,
  type StoredPlan
} from '../../domain';
import { ListGateway, odataString } from './ListGateway';
import { INVOLVEMENT_TEAM_GROUP_NAME, PLAN } from './lists';
import { PLAN_EXPAND, PLAN_SUMMARY_SELECT, statusLabel, toPlanItemValues, toPlanSummary } from './planMapper';
import {
  CLAIMS_EXPAND,
  CLAIMS_SELECT,
  DECISION_STATUS_SELECT,
  decisionsFor,
  readEach,
  SpPlanRecords,
  toClaims,
  toDecisionStatus,
  withStatus
} from './SpPlanRecords';

const statusByLabel = new Map(PLAN_STATUSES.map((st) => [PLAN_STATUS_LABELS[st], st]));

const PAGE_SIZE = 100;
const MAX_PAGE = 5000;
const today = (): string => new Date().toISOString().slice(0, 10);

/** Involvement plans in the "Involvement plans" SharePoint list. */
export class SpPlanRepository implements PlanRepository {
  private readonly list: ListGateway;

  private readonly decisionList: ListGateway;
  private readonly records: SpPlanRecords;

  public constructor(private readonly sp: SPFI) {
    this.list = new ListGateway(sp, 'plans');
    this.decisionList = new ListGateway(sp, 'planDecisions');
    this.records = new SpPlanRecords(sp);
  }

  /**
   * A lead's plans: found by the indexed Project lead column, kept only where the lead is who
   * created the plan (a plan naming someone else as its lead is not theirs).
   */
  public async listForLead(leadUserId: number, pageToken?: string): Promise<PlanSummaryPage> {
    const page = await this.page(`${PLAN.projectLead}Id eq ${leadUserId}`, pageToken);
    return { ...page, items: page.items.filter((p) => p.projectLead?.id === leadUserId) };
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

  /**
   * One page of summaries, newest first, paged by item id ($skiptoken=Paged=TRUE&p_ID=<last id>),
   * each checked against the team's decisions (one more round trip for the page): the Status
   * column found the rows; the record says what each is.
   */
  private async page(filter: string, pageToken?: string): Promise<PlanSummaryPage> {
    const raw = await this.list.fetch(`Reading "${this.list.title}"`, (items) => {
      let query = items
        .select(...PLAN_SUMMARY_SELECT, ...CLAIMS_SELECT)
        .expand(...PLAN_EXPAND, ...CLAIMS_EXPAND)
        .orderBy('Id', false)
        .top(PAGE_SIZE);
      if (filter) query = query.filter(filter);
      return pageToken ? query.skip(Number(pageToken)) : query;
    });
    const ids = raw.map((r) => (r as { Id?: unknown }).Id).filter((id): id is number => typeof id === 'number');
    const { byPlan, roster } = await decisionsFor(this.sp, ids);
    const items: PlanSummary[] = [];
    const unreadable: UnreadablePlan[] = [];
    for (const r of raw) {
      try {
        const claims = toClaims(r, null);
        const process = verifyProcess(claims, byPlan.get(claims.planId) ?? [], [], roster);
        const stored = toPlanSummary(withStatus(r, process.status));
        items.push({
          ...stored,
          status: process.status,
          projectLead: process.projectLead,
          involvementLead: process.involvementLead,
          chosenLevel: process.confirmedLevel ?? stored.chosenLevel,
          // A summary does not read the plan's JSON, so the level it claims is not compared here.
          unconfirmed: process.unconfirmed.filter((u) => u.what !== 'level')
        });
      } catch (error) {
        const rec = r as { Id?: number; Title?: string };
        unreadable.push({ id: rec.Id ?? 0, title: rec.Title ?? '', problem: error instanceof DataError ? error.detail : String(error) });
      }
    }
    const last = raw[raw.length - 1] as { Id?: number } | undefined;
    return { items, unreadable, next: raw.length === PAGE_SIZE && last?.Id ? String(last.Id) : undefined };
  }

  public async countByStatus(): Promise<Record<PlanStatus, number>> {
    return (await this.statusOverview()).counts;
  }

  /**
   * Every plan's verified status: the plans' Status, submission and author columns and every team
   * decision, each read a page of 5,000 at a time by id (no threshold at any size), then checked
   * plan by plan. Plans whose Status column says otherwise are listed.
   */
  public async statusOverview(): Promise<StatusOverview> {
    const counts = Object.fromEntries(PLAN_STATUSES.map((st) => [st, 0])) as Record<PlanStatus, number>;
    const [plans, decisions, roster] = await Promise.all([
      this.list.all(
        `Counting "${this.list.title}"`,
        (items) => items.select('Id', 'Title', 'AuthorId', PLAN.status, PLAN.submission, PLAN.submissionKey).top(MAX_PAGE),
        (raw) => raw as Record<string, unknown>
      ),
      this.decisionList.all(
        `Reading "${this.decisionList.title}"`,
        (items) => items.select(...DECISION_STATUS_SELECT).top(MAX_PAGE),
        (raw) => raw
      ),
      this.roster()
    ]);
    const byPlan = new Map<number, TeamDecision[]>();
    for (const d of readEach(decisions, this.decisionList.title, toDecisionStatus, []))
      byPlan.set(d.planId, [...(byPlan.get(d.planId) ?? []), d]);
    const unconfirmed: Array<StatusOverview['unconfirmed'][number]> = [];
    for (const p of plans) {
      const id = Number(p.Id);
      const stored = String(p[PLAN.status] ?? '');
      const claims = {
        planId: id,
        createdBy: { id: Number(p.AuthorId), displayName: '', email: '' },
        projectLead: null,
        status: statusByLabel.get(stored) ?? null,
        statusText: stored,
        submission: typeof p[PLAN.submission] === 'number' ? (p[PLAN.submission] as number) : 0,
        submissionKey: typeof p[PLAN.submissionKey] === 'string' ? (p[PLAN.submissionKey] as string) : '',
        involvementLead: null,
        scopingMeetingAt: null,
        confirmedLevel: null
      };
      const process = verifyProcess(claims, byPlan.get(id) ?? [], [], roster);
      counts[process.status] += 1;
      if (claims.status !== process.status)
        unconfirmed.push({ id, title: String(p.Title ?? ''), stored: stored || 'empty', verified: process.status });
    }
    return { counts, unconfirmed };
  }

  private async roster(): Promise<TeamRoster> {
    try {
      const users = await this.sp.web.siteGroups.getByName(INVOLVEMENT_TEAM_GROUP_NAME).users.select('Id')<Array<{ Id: number }>>();
      return { known: true, memberIds: new Set(users.map((u) => u.Id)) };
    } catch {
      // Membership hidden from this person: go on the lists' permissions.
      return UNKNOWN_ROSTER;
    }
  }

  public async get(id: number): Promise<StoredPlan> {
    return (await this.records.read(id)).plan;
  }

  public async save(plan: StoredPlan): Promise<StoredPlan> {
    await this.list.update(`Saving plan ${plan.id}`, plan.id, plan.version, toPlanItemValues(plan.content, today()));
    return this.get(plan.id);
  }

  public async recordAdvice(plan: StoredPlan, record: DefensibleRecord): Promise<StoredPlan> {
    // Never write what could not be read back.
    const check = readDefensibleRecord(JSON.parse(JSON.stringify(record)));
    if (!check.ok)
      throw new DataError('invalidRequest', `The record of the advice is not valid: ${check.problems.map((p) => p.path).join(', ')}`);
    await this.list.update(`Recording the advice on plan ${plan.id}`, plan.id, plan.version, {
      [PLAN.adviceRecord]: JSON.stringify(check.value)
    });
    return this.get(plan.id);
  }

  public remove(id: number, version: string): Promise<void> {
    return this.list.remove(`Deleting plan ${id}`, id, version);
  }

  public async create(content: PlanContent, lead: PersonRef, requestId: string): Promise<StoredPlan> {
    const values = { ...toPlanItemValues(content, today()), [PLAN.status]: statusLabel('draft'), [`${PLAN.projectLead}Id`]: lead.id };
    return this.list.addOnce(`Creating a plan in "${this.list.title}"`, PLAN.requestId, { requestId, values }, (id) => this.get(id));
  }
}
