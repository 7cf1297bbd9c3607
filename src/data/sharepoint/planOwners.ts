import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
import { UNKNOWN_ROSTER, type TeamRoster } from '../../domain';
import { INVOLVEMENT_TEAM_GROUP_NAME, listDefinition } from './lists';

/** Items one read may return: SharePoint's list view threshold, and the most `$top` allows. */
const SPAN = 5000;
/** Plans named one by one in a read (`Id eq … or …`) where a range would mostly read other plans. */
const IDS_PER_READ = 40;
/** Reads per $batch. */
const READS_PER_BATCH = 20;

/** Who may write a plan's records: its author (the lead, who created it) and the involvement team's members. */
export interface PlanOwners {
  /** Each plan's author (SharePoint's Author, set by the server); plans that cannot be seen are absent. */
  readonly authors: ReadonlyMap<number, number>;
  readonly roster: TeamRoster;
}

/**
 * The filters that read the given plan ids' items, each matching at most {@link SPAN} items on the
 * always-indexed Id column: a dense run of ids is one range (`Id ge a and Id le b`); a sparse one
 * names its ids (`Id eq a or Id eq b …`), so few plans never cost thousands of rows.
 */
export function idFilters(planIds: readonly number[]): string[] {
  const ids = [...new Set(planIds)].sort((a, b) => a - b);
  const filters: string[] = [];
  let run: number[] = [];
  const close = (): void => {
    if (run.length === 0) return;
    const first = run[0];
    const last = run[run.length - 1];
    if (run.length > IDS_PER_READ) filters.push(`Id ge ${first} and Id le ${last}`);
    else filters.push(run.map((id) => `Id eq ${id}`).join(' or '));
    run = [];
  };
  for (const id of ids) {
    if (run.length > 0 && id - run[0] >= SPAN) close();
    // A named run stops at IDS_PER_READ ids unless the ids are dense enough to read as a range.
    if (run.length === IDS_PER_READ && (id - run[0] + 1) / (run.length + 1) > 4) close();
    run.push(id);
  }
  close();
  return filters;
}

/**
 * Read plans' authors and the involvement team's members (issue 14: a plan's records count only
 * when its lead or the team wrote them) in as few $batches as the ids allow: each read returns at
 * most 5,000 items' Id and Author on the indexed Id column, 20 reads to a $batch, so 30,000 plans
 * take two $batches. Membership that cannot be read gives the unknown roster: then only the plan's
 * lead counts.
 */
export async function planOwners(
  sp: SPFI,
  planIds: readonly number[],
  run: (calls: () => Promise<void>) => Promise<void>
): Promise<PlanOwners> {
  const wanted = new Set(planIds);
  const filters = idFilters(planIds);
  const authors = new Map<number, number>();
  let roster: TeamRoster = UNKNOWN_ROSTER;
  const batches = Array.from({ length: Math.max(1, Math.ceil(filters.length / READS_PER_BATCH)) }, (_, i) =>
    filters.slice(i * READS_PER_BATCH, (i + 1) * READS_PER_BATCH)
  );
  for (const [index, reads] of batches.entries()) {
    const [batched, execute] = sp.batched();
    const collect = queueOwnerReads(batched, reads, wanted, authors, index === 0);
    await run(async () => {
      await execute();
      roster = (await collect()) ?? roster;
    });
  }
  return { authors, roster };
}

/**
 * Queue the reads of a few plans' authors and the team's members on a `$batch` that also carries
 * other reads (one round trip with them). Call the returned function only once the batch has run:
 * it gives the owners, or rejects as a part of the batch failed (a read that fails is never a plan
 * left out without a word). For at most 20 × 40 plans; more take {@link planOwners}.
 */
export function queuePlanOwners(batched: SPFI, planIds: readonly number[]): () => Promise<PlanOwners> {
  const filters = idFilters(planIds);
  if (filters.length > READS_PER_BATCH) throw new Error(`Too many plans (${planIds.length}) to read with other reads in one $batch.`);
  const authors = new Map<number, number>();
  const collect = queueOwnerReads(batched, filters, new Set(planIds), authors, true);
  return async () => ({ authors, roster: (await collect()) ?? UNKNOWN_ROSTER });
}

/** Queue reads of plans' Id and Author (and the team's members when asked) on a batch. */
function queueOwnerReads(
  batched: SPFI,
  filters: readonly string[],
  wanted: ReadonlySet<number>,
  authors: Map<number, number>,
  withMembers: boolean
): () => Promise<TeamRoster | undefined> {
  const list = batched.web.lists.getByTitle(listDefinition('plans').title);
  const plans = filters.map((filter) =>
    list.items
      .select('Id', 'AuthorId')
      .filter(filter)
      .top(SPAN)<Array<{ Id: number; AuthorId: number }>>()
      .then((rows) => {
        for (const p of rows) if (wanted.has(p.Id)) authors.set(p.Id, p.AuthorId);
      })
  );
  // A plan the person cannot see is simply not returned; a read that fails (a throttled part of
  // the batch) fails the whole call, so no record is ever left out of a count without a word.
  plans.forEach((p) => p.catch(() => undefined));
  const members = withMembers
    ? batched.web.siteGroups
        .getByName(INVOLVEMENT_TEAM_GROUP_NAME)
        .users.select('Id')<Array<{ Id: number }>>()
        .then(
          (m): TeamRoster => ({ known: true, memberIds: new Set(m.map((u) => u.Id)) }),
          // Membership hidden from this person: only the plan's lead counts.
          (): TeamRoster => UNKNOWN_ROSTER
        )
    : Promise.resolve(undefined);
  return async () => {
    await Promise.all(plans);
    return members;
  };
}
