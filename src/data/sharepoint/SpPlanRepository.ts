import type { SPFI } from '@pnp/sp';
import {
  DataError,
  readDefensibleRecord,
  type DefensibleRecord,
  type StatusOverview,
  type PersonRef,
  type PlanContent,
  type PlanRepository,
  type PlanStatus,
  type PlanQuery,
  type PlanSummaryPage,
  type StoredPlan
} from '../../domain';
import { ListGateway } from './ListGateway';
import { PLAN } from './lists';
import { statusLabel, toPlanItemValues } from './planMapper';
import { SpPlanRecords } from './SpPlanRecords';
import { SpPlanSummaries } from './SpPlanSummaries';
import { SpStatusTally } from './SpStatusTally';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Involvement plans in the "Involvement plans" SharePoint list. Plan lists and counts are
 * SpPlanSummaries' (what the first screens load); reading a whole plan and writing are here.
 */
export class SpPlanRepository implements PlanRepository {
  private readonly list: ListGateway;
  private readonly records: SpPlanRecords;
  private readonly summaries: SpPlanSummaries;
  private readonly tally: SpStatusTally;

  public constructor(sp: SPFI) {
    this.tally = new SpStatusTally(sp);
    this.list = new ListGateway(sp, 'plans');
    this.records = new SpPlanRecords(sp);
    this.summaries = new SpPlanSummaries(sp);
  }

  public listForLead(leadUserId: number, pageToken?: string): Promise<PlanSummaryPage> {
    return this.summaries.listForLead(leadUserId, pageToken);
  }

  public query(filter: PlanQuery, pageToken?: string): Promise<PlanSummaryPage> {
    return this.summaries.query(filter, pageToken);
  }

  public countByStatus(): Promise<Record<PlanStatus, number>> {
    return this.tally.counts();
  }

  /** Every plan's stored status checked against the record; the counts' tally is counted again from the lists alongside. */
  public statusOverview(): Promise<StatusOverview> {
    return this.summaries.statusOverview(
      this.tally.recountAndSave().then(
        (r) => r.counted,
        () => undefined
      )
    );
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
