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
import { toDataError } from '../http';
import { ListGateway } from './ListGateway';
import { PLAN } from './lists';
import { statusLabel, toPlanItemValues } from './planMapper';
import { buildRecord, settle, SpPlanRecords, type RawRecord } from './SpPlanRecords';
import { settledValue, SpPlanSummaries } from './SpPlanSummaries';
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

  public constructor(private readonly sp: SPFI) {
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
    // Checked before anything is sent (an invalid or too-long part is refused as a rejection).
    return this.saveAndReadBack(`Saving plan ${plan.id}`, plan, toPlanItemValues(plan.content, today()));
  }

  public async recordAdvice(plan: StoredPlan, record: DefensibleRecord): Promise<StoredPlan> {
    // Never write what could not be read back.
    const check = readDefensibleRecord(JSON.parse(JSON.stringify(record)));
    if (!check.ok)
      throw new DataError('invalidRequest', `The record of the advice is not valid: ${check.problems.map((p) => p.path).join(', ')}`);
    return this.saveAndReadBack(`Recording the advice on plan ${plan.id}`, plan, { [PLAN.adviceRecord]: JSON.stringify(check.value) });
  }

  /**
   * Save columns at the version read and read the plan back, in one round trip: a `$batch` with
   * the MERGE (If-Match: a stale version gets 412, a `conflict`, and nothing changes) and then the
   * plan's record, read and verified as `get` reads it (SharePoint runs a batch's requests in
   * order, so the read sees what the save stored). The batch is not a transaction: when the save
   * landed but the read-back did not (SharePoint can answer the parts after a failed one with 500,
   * a part can be throttled), the plan is read again on its own. A batch refused or lost as a
   * whole (429, offline) is thrown for the caller's retry policy; sending it again is safe, as the
   * save is made at a version.
   */
  private async saveAndReadBack(what: string, plan: StoredPlan, values: Record<string, unknown>): Promise<StoredPlan> {
    const raw = await this.list.run(what, async (): Promise<RawRecord | undefined> => {
      const [batched, execute] = this.sp.batched();
      const saved = settle(batched.web.lists.getByTitle(this.list.title).items.getById(plan.id).update(values, plan.version));
      const collect = this.records.queue(batched, plan.id);
      try {
        await execute();
      } catch (error) {
        throw await toDataError(error, what);
      }
      await settledValue(what, saved);
      try {
        return await collect();
      } catch {
        return undefined;
      }
    });
    return raw ? buildRecord(raw).plan : this.get(plan.id);
  }

  public remove(id: number, version: string): Promise<void> {
    return this.list.remove(`Deleting plan ${id}`, id, version);
  }

  public async create(content: PlanContent, lead: PersonRef, requestId: string): Promise<StoredPlan> {
    const values = { ...toPlanItemValues(content, today()), [PLAN.status]: statusLabel('draft'), [`${PLAN.projectLead}Id`]: lead.id };
    return this.list.addOnce(`Creating a plan in "${this.list.title}"`, PLAN.requestId, { requestId, values }, (id) => this.get(id));
  }
}
