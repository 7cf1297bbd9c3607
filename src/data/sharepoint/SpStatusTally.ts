import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
// Read with the counts at start-up, so zod's tree-shakable API (see SpPlanSummaries).
import * as z from 'zod/mini';
import {
  buildTally,
  countedStatus,
  countsFromTally,
  EMPTY_MARK,
  foldTally,
  isDataError,
  PLAN_STATUSES,
  rosterKey,
  tallyImpossible,
  UNKNOWN_ROSTER,
  type PlanEvents,
  type PlanStatus,
  type StatusTally,
  type TallyEntry,
  type TallyMark,
  type TeamDecision,
  type TeamRoster
} from '../../domain';
import { toDataError } from '../http';
import { ListGateway, odataString } from './ListGateway';
import { HISTORY, INVOLVEMENT_TEAM_GROUP_NAME } from './lists';
import { DECISION_STATUS_SELECT, PER_PLAN, readEach, settle, settledValue, toDecisionStatus, toRoster } from './SpPlanSummaries';

/** The "Involvement settings" item (by Title) holding the tally as JSON. */
export const TALLY_ITEM = 'planStatusCounts';
const VALUE = 'ipValue';
const PAGE = 5000;
/** The newest items of each list read with the tally, so a tally a few decisions behind needs no read of its own to find them. */
const RECENT = 30;
/** Plans re-counted per $batch when moving the tally on: 2 reads each and one for their authors (SharePoint allows 100 parts). */
const PLANS_PER_BATCH = 30;
/** More plans than this with new items since the tally: counting every plan again is fewer requests. */
const REBUILD_OVER = 300;
/** Times a refused save (someone saved the tally first) is folded again from the saved tally. */
const SAVE_TRIES = 3;

const count = z.number().check(z.int(), z.nonnegative());
const storedTallySchema = z.object({
  v: z.literal(1),
  mark: z.object({ decisions: count, entries: count }),
  counts: z.record(z.enum(PLAN_STATUSES), count),
  team: z.optional(z.string())
});
const tallyItemSchema = z.object({ Id: z.number(), 'odata.etag': z.string(), [VALUE]: z.nullable(z.string()) });
/** An item of either list as the tally first reads it: its id and its plan. */
const newItemSchema = z.object({ Id: z.number(), ipPlanId: z.number() });
type NewItem = z.infer<typeof newItemSchema>;
// The history list's Plan lookup id and Submission number (HISTORY.plan, HISTORY.submission).
const entrySchema = z.object({
  Id: z.number(),
  AuthorId: z.number(),
  ipPlanId: z.number(),
  ipSubmission: z.optional(z.nullable(z.number()))
});
const planAuthorSchema = z.object({ Id: z.number(), AuthorId: z.number() });

interface TallyItem {
  readonly id: number;
  readonly version: string;
  /** Undefined when the item holds something this version cannot read: it is counted again. */
  readonly tally: StatusTally | undefined;
}

function toTallyItem(raw: unknown): TallyItem | undefined {
  const item = z.safeParse(tallyItemSchema, raw);
  if (!item.success) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(item.data[VALUE] ?? '');
  } catch {
    json = undefined;
  }
  const stored = z.safeParse(storedTallySchema, json);
  const tally: StatusTally | undefined = stored.success
    ? {
        mark: stored.data.mark,
        counts: { ...Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])), ...stored.data.counts } as Record<PlanStatus, number>,
        team: stored.data.team
      }
    : undefined;
  return { id: item.data.Id, version: item.data['odata.etag'], tally };
}

const toEntry = (raw: unknown): TallyEntry => {
  const e = z.parse(entrySchema, raw);
  return { id: e.Id, planId: e.ipPlanId, submission: e.ipSubmission ?? 0, authorId: e.AuthorId };
};
const highest = (ids: readonly number[], from: number): number => ids.reduce((max, id) => Math.max(max, id), from);

/** What one visit's single request reads: the tally, how many plans there are, the newest items of both lists, the team. */
interface Glance {
  readonly item: TallyItem | undefined;
  readonly planCount: number;
  readonly latest: TallyMark;
  /** The newest items of each list, newest first (up to `RECENT`): usually all that is new since the tally. */
  readonly recent: { readonly decisions: readonly NewItem[]; readonly entries: readonly NewItem[] };
  readonly roster: TeamRoster;
}

/**
 * The dashboard's counts by status from a tally the involvement team keeps in "Involvement
 * settings" (see `domain/statusTally.ts`). Reading them is one `$batch` of five small reads: the
 * tally, the plans list's item count, the newest decision's and submission's ids, and the team's
 * members. When nothing has been decided or submitted since the tally was saved, that is all.
 * Otherwise only the plans with new items are counted again, and the tally is saved at the version
 * read (If-Match): if someone saved it first, their tally is read and moved on from instead — so
 * two people counting at once never count a plan twice. Someone who may not save it (not in the
 * team) still sees the right counts; the tally waits for the team.
 */
export class SpStatusTally {
  private readonly settings: ListGateway;
  private readonly decisions: ListGateway;
  private readonly entries: ListGateway;
  private readonly plans: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.settings = new ListGateway(sp, 'settings');
    this.decisions = new ListGateway(sp, 'planDecisions');
    this.entries = new ListGateway(sp, 'statusHistory');
    this.plans = new ListGateway(sp, 'plans');
  }

  /** Plans by status, every status a lead could have written checked against the team's and the submissions' lists. */
  public async counts(): Promise<Record<PlanStatus, number>> {
    let glance = await this.glance();
    for (let attempt = 1; ; attempt += 1) {
      const team = rosterKey(glance.roster);
      // A tally counted with other team members (someone joined or left) is counted again.
      const usable = glance.item?.tally && (team === undefined || glance.item.tally.team === team) ? glance.item.tally : undefined;
      const saved = usable && !tallyImpossible(usable, glance.planCount) ? usable : undefined;
      const current = saved && saved.mark.decisions >= glance.latest.decisions && saved.mark.entries >= glance.latest.entries;
      if (current) return countsFromTally(saved, glance.planCount);
      const tally = saved ? await this.moveOn(saved, glance) : await this.recount(glance.roster);
      // Only someone who can see the team's members (the team, site owners) saves it: the tally
      // counts submissions the team made, and the settings list is the team's to write.
      if (!glance.roster.known) return countsFromTally(tally, glance.planCount);
      const outcome = await this.save(tally, glance.item);
      if (outcome !== 'conflict' || attempt >= SAVE_TRIES) return countsFromTally(tally, glance.planCount);
      glance = await this.glance();
    }
  }

  /** Count every plan again from the two lists and save it (a recount the team can ask for). */
  public async recountAndSave(): Promise<{ counts: Record<PlanStatus, number>; counted: ReadonlyMap<number, PlanStatus> }> {
    let glance = await this.glance();
    const counted = new Map<number, PlanStatus>();
    const tally = await this.recount(glance.roster, counted);
    // The recount is right at its own mark: if someone saved since, it replaces theirs (a later
    // look moves it on from its mark).
    for (let attempt = 1; glance.roster.known && attempt <= SAVE_TRIES; attempt += 1) {
      if ((await this.save(tally, glance.item)) !== 'conflict') break;
      glance = await this.glance();
    }
    return { counts: countsFromTally(tally, glance.planCount), counted };
  }

  private async glance(): Promise<Glance> {
    const [batched, execute] = this.sp.batched();
    const newest = (title: string): Promise<{ ok: true; value: unknown[] } | { ok: false; error: unknown }> =>
      settle(batched.web.lists.getByTitle(title).items.select('Id', 'ipPlanId').orderBy('Id', false).top(RECENT)<unknown[]>());
    const item = settle(
      batched.web.lists
        .getByTitle(this.settings.title)
        .items.select('Id', VALUE)
        .filter(`Title eq '${odataString(TALLY_ITEM)}'`)
        .orderBy('Id', true)
        .top(1)<unknown[]>()
    );
    const plans = settle(batched.web.lists.getByTitle(this.plans.title).select('ItemCount')<{ ItemCount?: unknown }>());
    const decision = newest(this.decisions.title);
    const entry = newest(this.entries.title);
    const members = settle(batched.web.siteGroups.getByName(INVOLVEMENT_TEAM_GROUP_NAME).users.select('Id')<unknown>());
    const what = 'Counting the plans';
    try {
      await execute();
    } catch (error) {
      throw await toDataError(error, what);
    }
    const planCount = Number((await settledValue(what, plans)).ItemCount);
    if (!Number.isInteger(planCount) || planCount < 0) throw await toDataError(new Error('The plans list gave no item count.'), what);
    const recentOf = async (p: typeof decision): Promise<NewItem[]> =>
      (await settledValue(what, p)).map((raw) => z.parse(newItemSchema, raw));
    const [raw] = await settledValue(what, item);
    const m = await members;
    const recent = { decisions: await recentOf(decision), entries: await recentOf(entry) };
    return {
      item: raw === undefined ? undefined : toTallyItem(raw),
      planCount,
      latest: { decisions: recent.decisions[0]?.Id ?? 0, entries: recent.entries[0]?.Id ?? 0 },
      recent,
      roster: m.ok ? toRoster(m.value) : UNKNOWN_ROSTER
    };
  }

  /** The tally moved on to the newest items: only plans with items after its mark are counted again. */
  private async moveOn(tally: StatusTally, glance: Glance): Promise<StatusTally> {
    const since = (gateway: ListGateway, recent: readonly NewItem[], after: number): Promise<readonly NewItem[]> =>
      // The newest items read with the tally reach back past its mark: they are all that is new.
      recent.length < RECENT || recent[recent.length - 1].Id <= after + 1
        ? Promise.resolve(recent.filter((x) => x.Id > after))
        : gateway.all(
            `Reading "${gateway.title}"`,
            (items) => items.select('Id', 'ipPlanId').filter(`Id gt ${after}`).orderBy('Id', true).top(PAGE),
            (raw) => z.parse(newItemSchema, raw)
          );
    const roster = glance.roster;
    const [newDecisions, newEntries] = await Promise.all([
      since(this.decisions, glance.recent.decisions, tally.mark.decisions),
      since(this.entries, glance.recent.entries, tally.mark.entries)
    ]);
    const mark: TallyMark = {
      decisions: highest(
        newDecisions.map((d) => d.Id),
        tally.mark.decisions
      ),
      entries: highest(
        newEntries.map((e) => e.Id),
        tally.mark.entries
      )
    };
    const touched = [...new Set([...newDecisions, ...newEntries].map((x) => x.ipPlanId))];
    if (touched.length > REBUILD_OVER) return this.recount(roster);
    const events = await this.eventsOf(touched);
    // A plan with a full page of decisions or entries (anyone can add entries to any plan) may have
    // more than one request shows: count everything again, where nothing is cut off.
    if (events === 'too many') return this.recount(roster);
    return foldTally(tally, events, mark, roster);
  }

  /** Each plan's author, decisions and submissions: one $batch per 30 plans, side by side. */
  private async eventsOf(planIds: readonly number[]): Promise<PlanEvents[] | 'too many'> {
    const chunks: number[][] = [];
    for (let i = 0; i < planIds.length; i += PLANS_PER_BATCH) chunks.push(planIds.slice(i, i + PLANS_PER_BATCH));
    const read = await Promise.all(
      chunks.map(async (chunk) => {
        const [batched, execute] = this.sp.batched();
        const list = (title: string) => batched.web.lists.getByTitle(title).items;
        const parts = chunk.map((id) => ({
          decisions: settle(
            list(this.decisions.title)
              .select(...DECISION_STATUS_SELECT)
              .filter(`ipPlanId eq ${id}`)
              .orderBy('Id', true)
              .top(PER_PLAN)<unknown[]>()
          ),
          entries: settle(
            list(this.entries.title)
              .select('Id', 'AuthorId', `${HISTORY.plan}Id`, HISTORY.submission)
              .filter(`${HISTORY.plan}Id eq ${id}`)
              .orderBy('Id', true)
              .top(PER_PLAN)<unknown[]>()
          )
        }));
        const authors = settle(
          list(this.plans.title)
            .select('Id', 'AuthorId')
            .filter(chunk.map((id) => `Id eq ${id}`).join(' or '))
            .top(chunk.length)<unknown[]>()
        );
        try {
          await execute();
        } catch (error) {
          throw await toDataError(error, 'Counting the plans');
        }
        const authorOf = new Map(
          (await settledValue(`Reading "${this.plans.title}"`, authors)).map((raw) => {
            const p = z.parse(planAuthorSchema, raw);
            return [p.Id, p.AuthorId] as const;
          })
        );
        const events: PlanEvents[] = [];
        let full = false;
        for (const [i, planId] of chunk.entries()) {
          const rawDecisions = await settledValue(`Reading the decisions on plan ${planId}`, parts[i].decisions);
          const rawEntries = await settledValue(`Reading the submissions of plan ${planId}`, parts[i].entries);
          if (rawDecisions.length >= PER_PLAN || rawEntries.length >= PER_PLAN) full = true;
          const decisions = readEach(rawDecisions, this.decisions.title, toDecisionStatus, []);
          const entries = readEach(rawEntries, this.entries.title, toEntry, []);
          events.push({ planId, authorId: authorOf.get(planId) ?? 0, decisions, entries });
        }
        return full ? undefined : events;
      })
    );
    if (read.some((chunk) => chunk === undefined)) return 'too many';
    return read.flatMap((chunk) => chunk ?? []);
  }

  /** Every plan counted from scratch: every decision, submission and plan author, 5,000 a page by id. */
  /** `statusOf`, when given, is filled with each counted plan's status (plans not in it are drafts). */
  private async recount(roster: TeamRoster, statusOf?: Map<number, PlanStatus>): Promise<StatusTally> {
    // The two lists first, then the plans: a plan added while they are read is then still known
    // with its author (a submission of a plan read after its entry would be counted without one).
    const [decisions, entries] = await Promise.all([
      this.decisions.all(
        `Reading "${this.decisions.title}"`,
        (items) =>
          items
            .select(...DECISION_STATUS_SELECT)
            .orderBy('Id', true)
            .top(PAGE),
        (raw) => raw
      ),
      this.entries.all(
        `Reading "${this.entries.title}"`,
        (items) => items.select('Id', 'AuthorId', `${HISTORY.plan}Id`, HISTORY.submission).orderBy('Id', true).top(PAGE),
        (raw) => raw
      )
    ]);
    const authors = await this.plans.all(
      `Counting "${this.plans.title}"`,
      (items) => items.select('Id', 'AuthorId').orderBy('Id', true).top(PAGE),
      (raw) => z.parse(planAuthorSchema, raw)
    );
    const readDecisions = readEach(decisions, this.decisions.title, toDecisionStatus, []);
    const readEntries = readEach(entries, this.entries.title, toEntry, []);
    const byPlan = new Map<number, { decisions: TeamDecision[]; entries: TallyEntry[] }>();
    const of = (planId: number): { decisions: TeamDecision[]; entries: TallyEntry[] } => {
      let found = byPlan.get(planId);
      if (!found) byPlan.set(planId, (found = { decisions: [], entries: [] }));
      return found;
    };
    for (const d of readDecisions) of(d.planId).decisions.push(d);
    for (const e of readEntries) of(e.planId).entries.push(e);
    const authorOf = new Map(authors.map((p) => [p.Id, p.AuthorId] as const));
    const mark: TallyMark = {
      decisions: highest(
        readDecisions.map((d) => d.id),
        EMPTY_MARK.decisions
      ),
      entries: highest(
        readEntries.map((e) => e.id),
        EMPTY_MARK.entries
      )
    };
    const plans: PlanEvents[] = [...byPlan.entries()].map(([planId, events]) => ({
      planId,
      authorId: authorOf.get(planId) ?? 0,
      ...events
    }));
    if (statusOf)
      for (const plan of plans) {
        const status = countedStatus(plan, mark, roster);
        if (status) statusOf.set(plan.planId, status);
      }
    return buildTally(plans, mark, roster);
  }

  /**
   * Save the tally at the version read, or add it if there is none. `conflict`: someone saved it
   * first (count again from theirs). Someone who may not write the settings list leaves it as it is.
   */
  private async save(tally: StatusTally, item: TallyItem | undefined): Promise<'saved' | 'conflict' | 'not allowed'> {
    const value = JSON.stringify({ v: 1, mark: tally.mark, counts: tally.counts, team: tally.team });
    const what = `Saving the plan counts in "${this.settings.title}"`;
    try {
      if (item) await this.settings.update(what, item.id, item.version, { [VALUE]: value });
      else await this.settings.add(what, { Title: TALLY_ITEM, [VALUE]: value });
      return 'saved';
    } catch (error) {
      if (isDataError(error, 'conflict')) return 'conflict';
      if (isDataError(error, 'forbidden')) return 'not allowed';
      throw error;
    }
  }
}
