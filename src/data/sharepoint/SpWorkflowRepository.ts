import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import {
  assertDecisionWritable,
  DataError,
  readDefensibleRecord,
  type DefensibleRecord,
  withRetries,
  type NewDecision,
  type PlanRecord,
  type PlanStatus,
  type PlanWorkflowRepository,
  type RecordOptions,
  type Submission,
  type SubmitWrites
} from '../../domain';
import { toDataError } from '../http';
import { ListGateway, odataString } from './ListGateway';
import { DECISION, HISTORY, OUTBOX, PLAN } from './lists';
import { buildRecord, settle, SpPlanRecords, statusLabel, titleOf } from './SpPlanRecords';

/** A plan's process in SharePoint: its record, the lead's submission, the team's decisions and the stored copies. */
export class SpWorkflowRepository implements PlanWorkflowRepository {
  private readonly records: SpPlanRecords;
  private readonly plans: ListGateway;
  private readonly history: ListGateway;
  private readonly decisions: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.records = new SpPlanRecords(sp);
    this.plans = new ListGateway(sp, 'plans');
    this.history = new ListGateway(sp, 'statusHistory');
    this.decisions = new ListGateway(sp, 'planDecisions');
  }

  public record(planId: number, options: RecordOptions = {}): Promise<PlanRecord> {
    return this.records.read(planId, options);
  }

  private entryValues(planId: number, submission: Submission, from: PlanStatus | null, comment: string): Record<string, unknown> {
    return {
      Title: `${from ? statusLabel(from) : 'New'} → ${statusLabel('submitted')}`,
      [`${HISTORY.plan}Id`]: planId,
      [HISTORY.from]: from ? statusLabel(from) : null,
      [HISTORY.to]: statusLabel('submitted'),
      [HISTORY.submission]: submission.number,
      [HISTORY.key]: submission.key,
      [HISTORY.comment]: comment
    };
  }

  private outboxValues(planId: number, key: string, claimed: boolean): Record<string, unknown> {
    return {
      Title: `${claimed ? 'sending' : 'pending'} ${key}`,
      [`${OUTBOX.plan}Id`]: planId,
      [OUTBOX.key]: key,
      [OUTBOX.state]: 'Pending',
      [OUTBOX.attempts]: claimed ? 1 : 0,
      [OUTBOX.lastError]: '',
      [OUTBOX.messageId]: ''
    };
  }

  /**
   * One $batch, run by SharePoint in order: the status change (at the version read), the history
   * entry, the outbox entry (claimed), then reads of the plan, its entries and its outbox — so the
   * caller has the record as stored after the writes without another round trip.
   */
  public async submit(
    record: PlanRecord,
    submission: Submission,
    comment: string,
    notify: boolean,
    advice: DefensibleRecord
  ): Promise<SubmitWrites> {
    const planId = record.plan.id;
    const version = record.plan.version;
    if (!version) throw new DataError('invalidRequest', 'Submitting needs the version of the plan that was read.');
    // Never write what could not be read back.
    const kept = readDefensibleRecord(JSON.parse(JSON.stringify(advice)));
    if (!kept.ok)
      throw new DataError('invalidRequest', `The record of the advice is not valid: ${kept.problems.map((p) => p.path).join(', ')}`);
    const from = record.process.status;
    const [batched, execute] = this.sp.batched();
    const items = (key: Parameters<typeof titleOf>[0]) => batched.web.lists.getByTitle(titleOf(key)).items;
    const commit = settle(
      items('plans')
        .getById(planId)
        .update(
          {
            [PLAN.status]: statusLabel('submitted'),
            [PLAN.submission]: submission.number,
            [PLAN.submissionKey]: submission.key,
            [PLAN.adviceRecord]: JSON.stringify(kept.value)
          },
          version
        )
    );
    const entry = settle(items('statusHistory').add(this.entryValues(planId, submission, from, comment)));
    const outbox = notify ? settle(items('notificationOutbox').add(this.outboxValues(planId, submission.key, true))) : undefined;
    const collect = this.records.queue(batched, planId, { notificationTarget: record.notificationTarget !== undefined });
    const what = `Submitting plan ${planId}`;
    try {
      await execute();
    } catch (error) {
      // The batch itself failed (throttled, offline): what landed is unknown; the caller reads again.
      return { record, committed: false, error: await toDataError(error, what) };
    }
    let after: PlanRecord;
    try {
      after = buildRecord(
        { ...(await collect()), notificationTarget: record.notificationTarget },
        {
          notificationTarget: record.notificationTarget !== undefined
        }
      );
    } catch (error) {
      return { record, committed: false, error: await toDataError(error, what) };
    }
    const [committed, added] = await Promise.all([commit, outbox]);
    const isCommitted = after.claims.submissionKey === submission.key;
    // The outbox entry this client added: the only one with the new key taken for sending (nobody else knew the key).
    const claimed = isCommitted && added?.ok ? after.outbox.find((e) => e.key === submission.key && e.state === 'sending') : undefined;
    void entry;
    return { record: after, committed: isCommitted, error: committed.ok ? undefined : await toDataError(committed.error, what), claimed };
  }

  public recordSubmission(planId: number, submission: Submission, from: PlanStatus | null, comment: string): Promise<void> {
    const what = `Recording the submission of plan ${planId}`;
    // Look before adding: an entry this person already added for the key (a retry) is enough.
    return withRetries(() =>
      this.history.run(what, async () => {
        const found = await this.history.items
          .select('Id', 'AuthorId')
          .filter(`${HISTORY.key} eq '${odataString(submission.key)}'`)
          .top(50)<Array<{ Id: number; AuthorId: number }>>();
        if (found.length > 0) {
          const me = await this.sp.web.currentUser.select('Id')<{ Id: number }>();
          if (found.some((f) => f.AuthorId === me.Id)) return;
        }
        await this.history.items.add(this.entryValues(planId, submission, from, comment));
      })
    );
  }

  public async decide(d: NewDecision): Promise<void> {
    // Whoever calls: never add a decision that could not be read back (it would not count).
    assertDecisionWritable(d);
    const values: Record<string, unknown> = {
      Title: `${statusLabel(d.from)} → ${statusLabel(d.to)}`,
      [`${DECISION.plan}Id`]: d.planId,
      [DECISION.seq]: d.seq,
      [DECISION.kind]: d.kind,
      [DECISION.from]: statusLabel(d.from),
      [DECISION.to]: statusLabel(d.to),
      [DECISION.submission]: d.submission,
      [DECISION.submissionKey]: d.submissionKey,
      [`${DECISION.involvementLead}Id`]: d.involvementLead?.id ?? null,
      [DECISION.confirmedLevel]: d.confirmedLevel,
      [DECISION.scopingMeeting]: d.scopingMeeting?.at ?? null,
      [DECISION.scopingAttendees]: JSON.stringify(d.scopingMeeting?.attendees ?? []),
      [DECISION.comment]: d.comment
    };
    // Only the team can add to this list, so a request id found there is this decision's.
    await this.decisions.addOnce(
      `Recording a decision on plan ${d.planId}`,
      DECISION.requestId,
      { requestId: d.requestId, values },
      async () => undefined
    );
  }

  public async mirror(record: PlanRecord): Promise<void> {
    const { process, claims, plan } = record;
    const planId = plan.id;
    if (!plan.version) throw new DataError('invalidRequest', 'Correcting a plan needs the version that was read.');
    const content = plan.content;
    const values: Record<string, unknown> = {
      [PLAN.status]: statusLabel(process.status),
      [`${PLAN.projectLead}Id`]: process.projectLead.id,
      [`${PLAN.involvementLead}Id`]: process.involvementLead?.id ?? null,
      [PLAN.scopingMeeting]: process.scopingMeeting?.at ?? null,
      [PLAN.teamJson]: JSON.stringify({ scopingAttendees: process.scopingMeeting?.attendees ?? [] }),
      [PLAN.chosenLevel]: content.level.chosen,
      [PLAN.projectJson]: JSON.stringify({
        project: content.project,
        objectives: content.objectives,
        triage: content.triage,
        level: content.level
      })
    };
    const submission = process.submission;
    if (claims.submission !== (submission?.number ?? 0) || claims.submissionKey !== (submission?.key ?? '')) {
      values[PLAN.submission] = submission?.number ?? 0;
      values[PLAN.submissionKey] = submission?.key ?? '';
    }
    // At the version read: a lead's save (or submission) since then wins, and the next open tries again.
    await this.plans.update(`Correcting the stored copies of plan ${planId}`, planId, plan.version, values);
  }
}
