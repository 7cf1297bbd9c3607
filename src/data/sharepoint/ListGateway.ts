import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IItems } from '@pnp/sp/items';
// zod's small API (zod/mini): this module is in every web part's first chunk; it reads schemas
// from either API (both are zod's core schemas).
import * as z from 'zod/mini';
import { DataError, withRetries, type DataErrorKind } from '../../domain';
import { dataCall } from '../http';
import { listDefinition, type ListKey } from './lists';
import { listsCheckMemory } from './SpSiteCheck';

const RECHECK_LISTS: readonly DataErrorKind[] = ['forbidden', 'listsMissing', 'schemaDrift'];

/** A query on a list's items: the columns, filter, order and page size ($top) to ask for. */
export type ItemsQuery = (items: IItems) => IItems;

/** The columns to read of one item, and the person or lookup columns to expand. */
export interface ItemColumns {
  readonly select: readonly string[];
  readonly expand?: readonly string[];
}

/** One item to add once: its request id, and the column values to store with it. */
export interface AddRequest {
  readonly requestId: string;
  readonly values: Record<string, unknown>;
}

/** An item as stored, with its id and the request id it was added with (for add-once). */
export interface StoredRow<T> {
  readonly id: number;
  readonly requestId: string;
  readonly item: T;
}

/** Adds per $batch request (SharePoint allows 100 operations in a batch). */
export const BATCH_SIZE = 50;

/** A value quoted for an OData filter. */
export const odataString = (s: string): string => s.replace(/'/g, "''");

/** Broken stored data, naming the list, the item (when known) and the column, so a site owner can find it. */
export function driftError(list: string, column: string, problem: string, itemId?: number): DataError {
  return new DataError('schemaDrift', `List "${list}", ${itemId !== undefined ? `item ${itemId}, ` : ''}column "${column}": ${problem}`);
}

/** The item id of a raw item, when it has one. */
const idOf = (raw: unknown): number | undefined =>
  typeof raw === 'object' && raw !== null && typeof (raw as { Id?: unknown }).Id === 'number' ? (raw as { Id: number }).Id : undefined;

/** What a site owner is told when a column the planner needs is not on the list. */
export const MISSING_COLUMN = 'is missing from the list. Ask a site owner to run "Set up lists".';

/** Up to three of zod's issues in a line, for support ("ipX should be boolean"). */
export function describeZod(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(
      (i) =>
        `${i.path.join('.') || '(value)'} ${i.code === 'invalid_type' ? `should be ${String((i as { expected?: unknown }).expected)}` : 'is not valid'}`
    )
    .join('; ');
}

/**
 * Check a raw item against its list's schema: a column that is missing, or holds the wrong type,
 * raises `schemaDrift` naming the list and the column (never a half-read item).
 */
export function parseItem<T>(schema: z.core.$ZodType<T>, raw: unknown, list: string): T {
  const result = z.safeParse(schema, raw);
  if (result.success) return result.data;
  const column = String(result.error.issues[0].path[0] ?? '(item)');
  const present = typeof raw === 'object' && raw !== null && column in raw;
  throw driftError(
    list,
    column,
    present
      ? `has the wrong type (${describeZod(result.error)}). A site owner can correct the value in the list (running "Set up lists" does not change values).`
      : MISSING_COLUMN,
    present ? idOf(raw) : undefined
  );
}

/**
 * A JSON column read field by field: empty gives `fallback`; text that is not JSON, or JSON not
 * in the shape `schema` reads, raises `schemaDrift` naming the list, the item (when known) and the column.
 */
export function parseJson<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  text: string | null,
  fallback: T,
  list: string,
  column: string,
  itemId?: number
): T {
  if (!text?.trim()) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw driftError(list, column, 'is not valid JSON.', itemId);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw driftError(list, column, 'does not have the shape this version expects.', itemId);
  return parsed.data;
}

const storedItemSchema = z.object({ Id: z.number().check(z.int(), z.positive()), 'odata.etag': z.string().check(z.minLength(1)) });

/**
 * The id and version (ETag) an item was read with: what saving or deleting it needs. An item
 * without them raises `schemaDrift` rather than become something that could be saved blindly.
 */
export function storedOf(raw: unknown, list: string): { id: number; version: string } {
  const r = storedItemSchema.safeParse(raw);
  if (!r.success) throw driftError(list, '(item)', 'came without its id or version (ETag), so it cannot be saved safely.');
  return { id: r.data.Id, version: r.data['odata.etag'] };
}

/**
 * Every read and write of one SharePoint list, done one way: reads checked by the list's schema
 * and paged by SharePoint's next links; saves and deletes at the version read (If-Match, so a
 * 412 is a `conflict`, never an overwrite); creates added once by request id and retried under
 * the retry policy; every failure turned into a typed `DataError` saying what was being done.
 * Repositories say what to read and write; this says how.
 */
export class ListGateway {
  /** The list's title (from the list definitions, the only place titles exist). */
  public readonly title: string;

  public constructor(
    private readonly sp: SPFI,
    key: ListKey
  ) {
    this.title = listDefinition(key).title;
  }

  /**
   * The list's items, new on every use: PnPjs keeps $select, $filter and $top on the object it
   * returns, so one query's options must never ride along on the next request.
   */
  public get items(): IItems {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  /** Calls to the list that belong together; any failure becomes one `DataError` saying `what`. */
  public async run<T>(what: string, calls: () => Promise<T>): Promise<T> {
    try {
      return await dataCall(what, calls);
    } catch (error) {
      // A refused request or a list not as expected: check the lists again on the next visit.
      if (error instanceof DataError && RECHECK_LISTS.includes(error.kind)) listsCheckMemory.forget();
      throw error;
    }
  }

  /** One item by id with the given columns, read by `parse` (`notFound` if it is not there). */
  public async get<T>(what: string, id: number, columns: ItemColumns, parse: (raw: unknown) => T): Promise<T> {
    const raw = await this.run(what, () => {
      const item = this.items.getById(id).select(...columns.select);
      return (columns.expand?.length ? item.expand(...columns.expand) : item)<unknown>();
    });
    return parse(raw);
  }

  /** What one bounded request returns, as raw items for a caller that reads each itself. */
  public fetch(what: string, query: ItemsQuery): Promise<unknown[]> {
    return this.run(what, () => query(this.items)<unknown[]>());
  }

  /** The items one bounded request returns, each read by `parse`. */
  public async query<T>(what: string, query: ItemsQuery, parse: (raw: unknown) => T): Promise<T[]> {
    return (await this.fetch(what, query)).map(parse);
  }

  /**
   * Every item a query matches, a page ($top) at a time, following SharePoint's next links, so no
   * request is unbounded. `onPage` hears how many are read so far; `max` stops reading early.
   */
  public async all<T>(
    what: string,
    query: ItemsQuery,
    parse: (raw: unknown) => T,
    options: { onPage?: (loaded: number) => void; max?: number } = {}
  ): Promise<T[]> {
    const found: T[] = [];
    const pages = query(this.items)[Symbol.asyncIterator]();
    for (;;) {
      const page = await this.run(what, () => pages.next());
      if (page.done) return found;
      for (const raw of page.value as unknown[]) found.push(parse(raw));
      options.onPage?.(found.length);
      if (options.max !== undefined && found.length >= options.max) {
        await this.run(what, async () => pages.return?.());
        return found;
      }
    }
  }

  /** Save columns at the version read (If-Match): if someone saved since, `conflict` and nothing changes. */
  public update(what: string, id: number, version: string, values: Record<string, unknown>): Promise<void> {
    return this.run(what, async () => {
      await this.items.getById(id).update(values, version);
    });
  }

  /** Delete at the version read (If-Match): `conflict` if it changed since. */
  public remove(what: string, id: number, version: string): Promise<void> {
    return this.run(what, async () => {
      await this.items.getById(id).delete(version);
    });
  }

  /** Add an item and return its id. Sent once: a create without a request id is never repeated. */
  public add(what: string, values: Record<string, unknown>): Promise<number> {
    return this.run(what, async () => ((await this.items.add(values)) as { Id: number }).Id);
  }

  /**
   * Add one item once: look for an item with this request id in `column` first (a create cut
   * off in flight may have landed), add only if there is none, and read it back with `readBack`.
   * Throttling, network loss and server failures are tried again under the retry policy; a
   * retry finds the first item instead of adding a second.
   */
  public addOnce<T>(what: string, column: string, request: AddRequest, readBack: (id: number) => Promise<T>): Promise<T> {
    return withRetries(() =>
      this.run(what, async () => {
        const [found] = await this.items
          .select('Id')
          .filter(`${column} eq '${odataString(request.requestId)}'`)
          .top(1)<Array<{ Id: number }>>();
        const id = found?.Id ?? ((await this.items.add({ ...request.values, [column]: request.requestId })) as { Id: number }).Id;
        return readBack(id);
      })
    );
  }

  /**
   * Add many items, each once by request id. `stored` reads what is already there (all of it,
   * or only items with an id above `afterId`): a batch cut off in flight may have landed in part,
   * so only the missing are added, 50 to a $batch, and then only the new items are read back.
   * The whole is tried again under the retry policy. Returns every stored item by request id.
   */
  public addManyOnce<T>(
    what: string,
    column: string,
    requests: readonly AddRequest[],
    stored: (afterId?: number) => Promise<Array<StoredRow<T>>>
  ): Promise<Map<string, T>> {
    return withRetries(() =>
      this.run(what, async () => {
        const before = await stored();
        const have = new Set(before.map((row) => row.requestId));
        const missing = requests.filter((r) => !have.has(r.requestId));
        for (let start = 0; start < missing.length; start += BATCH_SIZE) {
          const [batched, execute] = this.sp.batched();
          const list = batched.web.lists.getByTitle(this.title);
          const adds = missing.slice(start, start + BATCH_SIZE).map((r) => list.items.add({ ...r.values, [column]: r.requestId }));
          // Awaited together: a failed part must not go unhandled when the batch as a whole fails.
          await Promise.all([execute(), ...adds]);
        }
        const lastId = before.reduce((max, row) => Math.max(max, row.id), 0);
        const added = missing.length ? await stored(lastId) : [];
        return new Map([...before, ...added].map((row) => [row.requestId, row.item] as const));
      })
    );
  }
}
