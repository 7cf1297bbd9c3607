import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { z } from 'zod';
import {
  DataError,
  equalityGroupSchema,
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
  withRetries
} from '../../domain';
import { toDataError } from '../http';
import { listDefinition, STAKEHOLDER as S } from './lists';

/** Items per request when reading a map: bounded, and well under the 5,000-item threshold. */
export const STAKEHOLDER_PAGE_SIZE = 200;
/** Adds per $batch request (SharePoint allows 100 operations in a batch). */
const BATCH_SIZE = 50;
const odataString = (s: string): string => s.replace(/'/g, "''");

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
  'odata.etag': z.string().optional(),
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
  [S.requestId]: z.string().nullable()
});
const SELECT = [
  'Id',
  'Title',
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

function drift(list: string, column: string, problem: string): DataError {
  return new DataError('schemaDrift', `List "${list}", column "${column}": ${problem}`);
}

function parseJson<T>(schema: z.ZodType<T>, text: string | null, fallback: T, list: string, column: string): T {
  if (!text?.trim()) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw drift(list, column, 'is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw drift(list, column, 'does not have the shape this version expects.');
  return parsed.data;
}

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

/** A plan's stakeholder map in the "Plan stakeholders" list. */
export class SpStakeholderRepository implements StakeholderRepository {
  private readonly title = listDefinition('planStakeholders').title;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  private toRow(raw: unknown): { stakeholder: Stakeholder; requestId: string } {
    const parsed = rawSchema.safeParse(raw);
    if (!parsed.success) {
      const column = String(parsed.error.issues[0].path[0] ?? '(item)');
      throw drift(
        this.title,
        column,
        typeof raw === 'object' && raw !== null && column in raw
          ? 'has the wrong type.'
          : 'is missing from the list. Ask a site owner to run "Set up lists".'
      );
    }
    const r = parsed.data;
    const e = parseJson(engagementSchema, r[S.engagementJson], engagementSchema.parse({}), this.title, S.engagementJson);
    const stakeholder: Stakeholder = {
      id: r.Id,
      version: r['odata.etag'],
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
      history: parseJson(z.array(mapMoveSchema), r[S.history], [], this.title, S.history)
    };
    return { stakeholder, requestId: r[S.requestId] ?? '' };
  }

  /** A plan's stakeholders (only those with an id above `afterId`, if given), oldest first. */
  private async all(
    planId: number,
    onProgress?: (loaded: number) => void,
    afterId = 0
  ): Promise<Array<{ stakeholder: Stakeholder; requestId: string }>> {
    const found: Array<{ stakeholder: Stakeholder; requestId: string }> = [];
    const filter = `${S.plan}Id eq ${planId}${afterId ? ` and Id gt ${afterId}` : ''}`;
    try {
      // Filtered on the indexed plan lookup, a page at a time, following SharePoint's next links.
      for await (const page of this.items
        .select(...SELECT)
        .filter(filter)
        .orderBy('Id', true)
        .top(STAKEHOLDER_PAGE_SIZE)) {
        for (const raw of page as unknown[]) found.push(this.toRow(raw));
        onProgress?.(found.length);
      }
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
    return found;
  }

  public async listForPlan(planId: number, onProgress?: (loaded: number) => void): Promise<Stakeholder[]> {
    return (await this.all(planId, onProgress)).map((row) => row.stakeholder);
  }

  public async addMany(planId: number, items: readonly NewStakeholder[]): Promise<Stakeholder[]> {
    const wanted = new Set(items.map((i) => i.requestId));
    return withRetries(async () => {
      try {
        // A batch cut off in flight may have landed in part: look before adding again.
        const before = await this.all(planId);
        const have = new Set(before.map((s) => s.requestId).filter((id) => wanted.has(id)));
        const missing = items.filter((i) => !have.has(i.requestId));
        for (let start = 0; start < missing.length; start += BATCH_SIZE) {
          const [batched, execute] = this.sp.batched();
          const list = batched.web.lists.getByTitle(this.title);
          const adds = missing.slice(start, start + BATCH_SIZE).map((i) =>
            list.items.add({
              ...toValues(i.fields),
              [`${S.plan}Id`]: planId,
              [S.requestId]: i.requestId,
              [S.history]: JSON.stringify(i.history)
            })
          );
          await execute();
          await Promise.all(adds);
        }
        // Read back only what is newer than the map as it was (the new items), not the whole map again.
        const lastId = Math.max(0, ...before.map((row) => row.stakeholder.id ?? 0));
        const added = missing.length ? await this.all(planId, undefined, lastId) : [];
        const stored = new Map(
          [...before, ...added].filter((row) => wanted.has(row.requestId)).map((row) => [row.requestId, row.stakeholder] as const)
        );
        return items.map((i) => stored.get(i.requestId)).filter((s): s is Stakeholder => s !== undefined);
      } catch (caught) {
        throw await toDataError(caught, `Adding stakeholders to "${this.title}"`);
      }
    });
  }

  public async get(id: number): Promise<Stakeholder> {
    let raw: unknown;
    try {
      raw = await this.items.getById(id).select(...SELECT)();
    } catch (error) {
      throw await toDataError(error, `Reading stakeholder ${id}`);
    }
    return this.toRow(raw).stakeholder;
  }

  public async save(s: Stakeholder): Promise<Stakeholder> {
    if (s.id === undefined || !s.version)
      throw new DataError('invalidRequest', 'Saving a stakeholder needs its id and the version that was read.');
    try {
      await this.items.getById(s.id).update({ ...toValues(s), [S.history]: JSON.stringify(s.history) }, s.version);
    } catch (error) {
      throw await toDataError(error, `Saving stakeholder "${s.name}"`);
    }
    return this.get(s.id);
  }

  public async remove(id: number, version: string): Promise<void> {
    try {
      await this.items.getById(id).delete(version);
    } catch (error) {
      throw await toDataError(error, `Removing a stakeholder from "${this.title}"`);
    }
  }
}

const sharedRawSchema = z.object({
  Id: z.number(),
  'odata.etag': z.string().optional(),
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
  private readonly title = listDefinition('organisationStakeholders').title;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  private toEntry(raw: unknown): OrganisationStakeholder {
    const parsed = sharedRawSchema.safeParse(raw);
    if (!parsed.success) throw drift(this.title, String(parsed.error.issues[0].path[0] ?? '(item)'), 'has the wrong type or is missing.');
    const r = parsed.data;
    return {
      id: r.Id,
      version: r['odata.etag'],
      name: r.Title ?? '',
      kind: r[S.kind] ?? 'organisation',
      catalogueEntry: catalogue(r[S.catalogueEntry]),
      email: r[S.email] ?? '',
      reaches: parseJson(z.array(equalityGroupSchema), r[S.reaches], [], this.title, S.reaches),
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

  public async list(): Promise<OrganisationStakeholder[]> {
    const found: OrganisationStakeholder[] = [];
    try {
      for await (const page of this.items.select(...SHARED_SELECT).top(STAKEHOLDER_PAGE_SIZE)) {
        for (const raw of page as unknown[]) found.push(this.toEntry(raw));
        if (found.length >= SHARED_MAX) break;
      }
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
    return found.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  private async read(id: number): Promise<OrganisationStakeholder> {
    return this.toEntry(await this.items.getById(id).select(...SHARED_SELECT)());
  }

  public async add(entry: OrganisationStakeholder, requestId: string): Promise<OrganisationStakeholder> {
    return withRetries(async () => {
      try {
        const existing = await this.items
          .select('Id')
          .filter(`${S.requestId} eq '${odataString(requestId)}'`)
          .top(1)<Array<{ Id: number }>>();
        if (existing[0]) return await this.read(existing[0].Id);
        const added = await this.items.add({ ...this.values(entry), [S.requestId]: requestId });
        return await this.read(added.Id as number);
      } catch (caught) {
        throw await toDataError(caught, `Adding to "${this.title}"`);
      }
    });
  }

  public async save(entry: OrganisationStakeholder): Promise<OrganisationStakeholder> {
    if (entry.id === undefined || !entry.version)
      throw new DataError('invalidRequest', 'Saving an entry needs its id and the version that was read.');
    try {
      await this.items.getById(entry.id).update(this.values(entry), entry.version);
      return await this.read(entry.id);
    } catch (error) {
      throw await toDataError(error, `Saving "${entry.name}" in "${this.title}"`);
    }
  }

  public async remove(id: number, version: string): Promise<void> {
    try {
      await this.items.getById(id).delete(version);
    } catch (error) {
      throw await toDataError(error, `Removing an entry from "${this.title}"`);
    }
  }
}
