import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
import { UNKNOWN_ROSTER, type TeamRoster } from '../../domain';
import { INVOLVEMENT_TEAM_GROUP_NAME, listDefinition } from './lists';

/** Plans read per $batch (one part each). */
const IDS_PER_READ = 50;

/** Who may write a plan's records: its author (the lead, who created it) and the involvement team's members. */
export interface PlanOwners {
  /** Each plan's author (SharePoint's Author, set by the server); plans that cannot be seen are absent. */
  readonly authors: ReadonlyMap<number, number>;
  readonly roster: TeamRoster;
}

/**
 * Read plans' authors and the involvement team's members in one $batch per 50 plans (issue 14:
 * a plan's records count only when its lead or the team wrote them). Membership that cannot be
 * read gives the unknown roster: then only the plan's lead counts.
 */
export async function planOwners(
  sp: SPFI,
  planIds: readonly number[],
  run: (execute: () => Promise<void>) => Promise<void>
): Promise<PlanOwners> {
  const ids = [...new Set(planIds)];
  const authors = new Map<number, number>();
  let roster: TeamRoster = UNKNOWN_ROSTER;
  const chunks =
    ids.length === 0
      ? [[]]
      : Array.from({ length: Math.ceil(ids.length / IDS_PER_READ) }, (_, i) => ids.slice(i * IDS_PER_READ, (i + 1) * IDS_PER_READ));
  for (const [index, chunk] of chunks.entries()) {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle(listDefinition('plans').title);
    const plans = chunk.map((id) =>
      list.items
        .getById(id)
        .select('AuthorId')<{ AuthorId: number }>()
        .then(
          (p) => {
            authors.set(id, p.AuthorId);
          },
          () => undefined
        )
    );
    const members =
      index === 0
        ? batched.web.siteGroups
            .getByName(INVOLVEMENT_TEAM_GROUP_NAME)
            .users.select('Id')<Array<{ Id: number }>>()
            .then(
              (m) => {
                roster = { known: true, memberIds: new Set(m.map((u) => u.Id)) };
              },
              () => undefined
            )
        : Promise.resolve();
    await run(execute);
    await Promise.all([...plans, members]);
  }
  return { authors, roster };
}
