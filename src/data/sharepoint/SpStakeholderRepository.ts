import type { SPFI } from '@pnp/sp';
import { parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import { z } from 'zod';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
import {
  DataError,
  equalityGroupSchema,
  inTeam,
  type CheckedStakeholders,
  type IgnoredItem,
  GRID_QUADRANTS,
  mapMoveSchema,
  METHOD_IDS,
  STAKEHOLDER_CATALOGUE_IDS,
  STAKEHOLDER_KINDS,
  type NewStakeholder,
  type OrganisationStakeholder,
  type SharedStakeholderRepository,
  type Stakeholder,
  type StakeholderFields,
  type StakeholderRepository,
  type Stored
} from '../../domain';
import { ListGateway, parseItem, parseJson, storedOf, type StoredRow } from './ListGateway';
import { queuePlanOwners } from './planOwners';
import { settle, settledValue } from './SpPlanSummaries';
import { listDefinition, STAKEHOLDER as S } from './lists';

/**
 * Items per request when reading a map: a map of 2,000 in one request (issue 12), bounded and
 * under the 5,000-item threshold (about 0.7 KB an item, so 1.4 MB at most a page).
 */
export const STAKEHOLDER_PAGE_SIZE = 2000;

const engagementSchema = z.object({
  methods: z.array(z.enum(METHOD_IDS)).default([]),
  channel: z.string().default(''),
  owner: z.string().default(''),
  audience: z.string().default(''),
  reaches: z.array(equalityGroupSchema).default([]),
  sharedId: z.number().int().positive().nullable().default(null)
});

const rawSchema = z.object({
  Id: z.number(),
  Title: z.string().nullable(),
  ipPlanId: z.number(),
  [S.kind]: z.enum(STAKEHOLDER_KINDS).nullable(),
  [S.catalogueEntry]: z.string().nullable(),
  [S.email]: z.string().nullable(),
  [S.phone]: z.string().nullable(),
  [S.mayContact]: z.boolean().nullable(),
  [S.lawfulBasis]: z.string().nullable(),
  [S.quadrant]: z.enum(GRID_QUADRANTS).nullable(),
  [S.engagementJson]: z.string().nullable(),
  [S.history]: z.string().nullable(),
  [S.notes]: z.string().nullable(),
  [S.requestId]: z.string().nullable(),
  AuthorId: z.number()
});
/** The columns a stakeholder is read with (SharePoint's Author included: whose entry it is). */
export const STAKEHOLDER_SELECT = [
  'Id',
  'Title',
  'AuthorId',
  `${S.plan}Id`,
  S.kind,
  S.catalogueEntry,
  S.email,
  S.phone,
  S.mayContact,
  S.lawfulBasis,
  S.quadrant,
  S.engagementJson,
  S.history,
  S.notes,
  S.requestId
];

const catalogue = (v: string | null): StakeholderFields['catalogueEntry'] =>
  (STAKEHOLDER_CATALOGUE_IDS as readonly string[]).includes(v ?? '') ? (v as StakeholderFields['catalogueEntry']) : null;

/** The columns SharePoint stores for a stakeholder's fields. */
function toValues(f: StakeholderFields): Record<string, unknown> {
  return {
    Title: f.name.trim(),
    [S.kind]: f.kind,
    [S.catalogueEntry]: f.catalogueEntry ?? '',
    [S.email]: f.email.trim(),
    [S.phone]: f.phone.trim(),
    [S.mayContact]: f.mayContact,
    [S.lawfulBasis]: f.lawfulBasis,
    [S.quadrant]: f.quadrant,
    [S.notes]: f.notes,
    [S.engagementJson]: JSON.stringify({
      methods: f.methods,
      channel: f.channel,
      owner: f.owner,
      audience: f.audience,
      reaches: f.reaches,
      sharedId: f.sharedId
    })
  };
}

type Row = StoredRow<Stakeholder> & { authorId: number };

/** A stakeholder as stored, with who added it; broken stored data raises `schemaDrift` naming the item and column. */
export function stakeholderFromRaw(raw: unknown): Row {
  const title = listDefinition('planStakeholders').title;
  const id = (raw as { Id?: unknown }).Id;
  try {
    const r = parseItem(rawSchema, raw, title);
    const e = parseJson(engagementSchema, r[S.engagementJson], engagementSchema.parse({}), title, S.engagementJson);
    const stakeholder: Stakeholder = {
      ...storedOf(raw, title),
      planId: r.ipPlanId,
      name: r.Title ?? '',
      kind: r[S.kind] ?? 'group',
      catalogueEntry: catalogue(r[S.catalogueEntry]),
      email: r[S.email] ?? '',
      phone: r[S.phone] ?? '',
      mayContact: r[S.mayContact] ?? false,
      lawfulBasis: r[S.lawfulBasis] ?? '',
      quadrant: r[S.quadrant],
      reaches: e.reaches,
      methods: e.methods,
      channel: e.channel,
      owner: e.owner,
      audience: e.audience,
      sharedId: e.sharedId,
      notes: r[S.notes] ?? '',
      history: parseJson(z.array(mapMoveSchema), r[S.history], [], title, S.history)
    };
    return { id: r.Id, requestId: r[S.requestId] ?? '', item: stakeholder, authorId: r.AuthorId };
  } catch (error) {
    // Name the item where the message does not already (parseItem names it; parseJson does not).
    if (error instanceof DataError && error.kind === 'schemaDrift' && typeof id === 'number' && !error.detail.includes(`item ${id}, `))
      throw new DataError('schemaDrift', error.detail.replace(`List "${title}", `, `List "${title}", item ${id}, `));
    throw error;
  }
}

/** A read row, or an item that could not be read (named by list, item and column). */
type Read = { row: Row } | { unreadable: IgnoredItem };

/** A plan's stakeholder map in the "Plan stakeholders" list. */
export class SpStakeholderRepository implements StakeholderRepository {
  private readonly list: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.list = new ListGateway(sp, 'planStakeholders');
  }

  private read(raw: unknown): Read {
    try {
      return { row: stakeholderFromRaw(raw) };
    } catch (error) {
      if (!(error instanceof DataError && error.kind === 'schemaDrift')) throw error;
      return { unreadable: { list: this.list.title, itemId: (raw as { Id?: number }).Id ?? 0, reason: error.detail } };
    }
  }

  /** A plan's stakeholders (only those with an id above `afterId`, if given), oldest first; each item read on its own. */
  private all(planId: number, onProgress?: (loaded: number) => void, afterId = 0): Promise<Read[]> {
    const filter = `${S.plan}Id eq ${planId}${afterId ? ` and Id gt ${afterId}` : ''}`;
    // Filtered on the indexed plan lookup, a page at a time, following SharePoint's next links.
    return this.list.all(
      `Reading "${this.list.title}"`,
      (items) =>
        items
          .select(...STAKEHOLDER_SELECT)
          .filter(filter)
          .orderBy('Id', true)
          .top(STAKEHOLDER_PAGE_SIZE),
      (raw) => this.read(raw),
      { onPage: onProgress }
    );
  }

  private rows(reads: readonly Read[]): Row[] {
    return reads.flatMap((r) => ('row' in r ? [r.row] : []));
  }

  /**
   * A plan's map in one round trip: one `$batch` with the map's first {@link STAKEHOLDER_PAGE_SIZE}
   * items (on the indexed plan lookup) and whose map it is — the plan's author (its lead, set by
   * SharePoint) and the team's members. Only a map longer than a page reads the rest after it,
   * a page at a time. Entries by anyone else are set aside, said, never shown as the plan's.
   */
  public async listForPlanChecked(planId: number, onProgress?: (loaded: number) => void): Promise<CheckedStakeholders> {
    const what = `Reading "${this.list.title}"`;
    const [batched, execute] = this.sp.batched();
    const firstPage = settle(
      batched.web.lists
        .getByTitle(this.list.title)
        .items.select(...STAKEHOLDER_SELECT)
        .filter(`${S.plan}Id eq ${planId}`)
        .orderBy('Id', true)
        .top(STAKEHOLDER_PAGE_SIZE)
        .using(
          parseBinderWithErrorCheck(async (r): Promise<{ rows: unknown[]; more: boolean }> => {
            const json = (await r.json()) as Record<string, unknown>;
            const next = json['odata.nextLink'];
            return { rows: parseODataJSON(json) as unknown[], more: typeof next === 'string' && next.length > 0 };
          })
        )<{ rows: unknown[]; more: boolean }>()
    );
    const collectOwners = queuePlanOwners(batched, [planId]);
    await this.list.run(what, execute);
    const page = await settledValue(what, firstPage);
    const { authors, roster } = await this.list.run(`Reading plan ${planId}`, collectOwners);
    const lead = authors.get(planId);
    if (lead === undefined) throw new DataError('notFound', `Plan ${planId} does not exist or cannot be seen.`);
    const reads = page.rows.map((raw) => this.read(raw));
    onProgress?.(reads.length);
    if (page.more) {
      const lastId = Math.max(...page.rows.map((raw) => (raw as { Id: number }).Id));
      reads.push(...(await this.all(planId, (loaded) => onProgress?.(page.rows.length + loaded), lastId)));
    }
    const stakeholders: Stakeholder[] = [];
    const ignored: IgnoredItem[] = [];
    const unreadable: IgnoredItem[] = [];
    for (const r of reads) {
      if ('unreadable' in r) unreadable.push(r.unreadable);
      else if (r.row.authorId === lead || inTeam(roster, r.row.authorId)) stakeholders.push(r.row.item);
      else
        ignored.push({
          list: this.list.title,
          itemId: r.row.id,
          reason: `“${r.row.item.name}” was added by someone who is neither the plan’s lead nor in the involvement team.`
        });
    }
    return { stakeholders, ignored, unreadable };
  }

  public async listForPlan(planId: number, onProgress?: (loaded: number) => void): Promise<Stakeholder[]> {
    return (await this.listForPlanChecked(planId, onProgress)).stakeholders;
  }

  public async addMany(planId: number, items: readonly NewStakeholder[]): Promise<Stakeholder[]> {
    const requests = items.map((i) => ({
      requestId: i.requestId,
      values: { ...toValues(i.fields), [`${S.plan}Id`]: planId, [S.history]: JSON.stringify(i.history) }
    }));
    // Looks before adding (a batch cut off in flight may have landed in part), then reads back only the new items.
    const stored = await this.list.addManyOnce(`Adding stakeholders to "${this.list.title}"`, S.requestId, requests, async (afterId) =>
      this.rows(await this.all(planId, undefined, afterId))
    );
    return items.map((i) => stored.get(i.requestId)).filter((s): s is Stakeholder => s !== undefined);
  }

  public get(id: number): Promise<Stakeholder> {
    return this.list.get(`Reading stakeholder ${id}`, id, { select: STAKEHOLDER_SELECT }, (raw) => stakeholderFromRaw(raw).item);
  }

  public async save(s: Stakeholder): Promise<Stakeholder> {
    await this.list.update(`Saving stakeholder "${s.name}"`, s.id, s.version, { ...toValues(s), [S.history]: JSON.stringify(s.history) });
    return this.get(s.id);
  }

  public remove(id: number, version: string): Promise<void> {
    return this.list.remove(`Removing a stakeholder from "${this.list.title}"`, id, version);
  }
}

const sharedRawSchema = z.object({
  Id: z.number(),
  Title: z.string().nullable(),
  [S.kind]: z.enum(STAKEHOLDER_KINDS).nullable(),
  [S.catalogueEntry]: z.string().nullable(),
  [S.email]: z.string().nullable(),
  [S.reaches]: z.string().nullable(),
  [S.notes]: z.string().nullable()
});
const SHARED_SELECT = ['Id', 'Title', S.kind, S.catalogueEntry, S.email, S.reaches, S.notes];
/** Most entries the shared list is read to (a team's list is tens or hundreds; this bounds the read). */
const SHARED_MAX = 5000;

/** The involvement team's shared list, "Organisation stakeholders". */
export class SpSharedStakeholderRepository implements SharedStakeholderRepository {
  /** The list's items (the port's `list()` reads them). */
  private readonly entries: ListGateway;

  public constructor(sp: SPFI) {
    this.entries = new ListGateway(sp, 'organisationStakeholders');
  }

  private toEntry(raw: unknown): Stored<OrganisationStakeholder> {
    const title = this.entries.title;
    const r = parseItem(sharedRawSchema, raw, title);
    return {
      ...storedOf(raw, title),
      name: r.Title ?? '',
      kind: r[S.kind] ?? 'organisation',
      catalogueEntry: catalogue(r[S.catalogueEntry]),
      email: r[S.email] ?? '',
      reaches: parseJson(z.array(equalityGroupSchema), r[S.reaches], [], title, S.reaches),
      notes: r[S.notes] ?? ''
    };
  }

  private values(e: OrganisationStakeholder): Record<string, unknown> {
    return {
      Title: e.name.trim(),
      [S.kind]: e.kind,
      [S.catalogueEntry]: e.catalogueEntry ?? '',
      [S.email]: e.email.trim(),
      [S.reaches]: JSON.stringify(e.reaches),
      [S.notes]: e.notes
    };
  }

  public async list(): Promise<Array<Stored<OrganisationStakeholder>>> {
    const found = await this.entries.all(
      `Reading "${this.entries.title}"`,
      (items) => items.select(...SHARED_SELECT).top(STAKEHOLDER_PAGE_SIZE),
      (raw) => this.toEntry(raw),
      { max: SHARED_MAX }
    );
    return found.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  private read(what: string, id: number): Promise<Stored<OrganisationStakeholder>> {
    return this.entries.get(what, id, { select: SHARED_SELECT }, (raw) => this.toEntry(raw));
  }

  public add(entry: OrganisationStakeholder, requestId: string): Promise<Stored<OrganisationStakeholder>> {
    const what = `Adding to "${this.entries.title}"`;
    return this.entries.addOnce(what, S.requestId, { requestId, values: this.values(entry) }, (id) => this.read(what, id));
  }

  public async save(entry: Stored<OrganisationStakeholder>): Promise<Stored<OrganisationStakeholder>> {
    const what = `Saving "${entry.name}" in "${this.entries.title}"`;
    await this.entries.update(what, entry.id, entry.version, this.values(entry));
    return this.read(what, entry.id);
  }

  public remove(id: number, version: string): Promise<void> {
    return this.entries.remove(`Removing an entry from "${this.entries.title}"`, id, version);
  }
}
