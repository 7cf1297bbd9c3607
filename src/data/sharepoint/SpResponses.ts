import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost, SPQueryable } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { z } from 'zod';
import {
  DataError,
  equalityGroupSchema,
  inTeam,
  responseFieldsSchema,
  responseRowKeySchema,
  toFieldProblems,
  withRetries,
  type EngagementResponse,
  type IgnoredResponse,
  type NewResponse,
  type PlanResponses,
  type ResponseFields,
  type ResponseRepository
} from '../../domain';
import { dataCall } from '../http';
import { BATCH_SIZE, driftError, ListGateway, parseItem, parseJson, storedOf, type StoredRow } from './ListGateway';
import { planOwners, type PlanOwners } from './planOwners';
import { RESPONSE } from './lists';

/** Responses read per page ($top), on the indexed plan column. */
export const RESPONSE_PAGE_SIZE = 500;

const PLAN_ID = `${RESPONSE.plan}Id` as const;

const itemSchema = z.object({
  Id: z.number(),
  AuthorId: z.number(),
  EditorId: z.number(),
  Modified: z.string(),
  [PLAN_ID]: z.number(),
  [RESPONSE.rowKey]: z.string().nullable(),
  [RESPONSE.text]: z.string().nullable(),
  [RESPONSE.place]: z.string().nullable(),
  [RESPONSE.groups]: z.string().nullable(),
  [RESPONSE.themeIds]: z.string().nullable(),
  [RESPONSE.source]: z.string().nullable(),
  [RESPONSE.retainUntil]: z.string().nullable()
});
const SELECT = [
  'Id',
  'AuthorId',
  'EditorId',
  'Modified',
  PLAN_ID,
  RESPONSE.rowKey,
  RESPONSE.text,
  RESPONSE.place,
  RESPONSE.groups,
  RESPONSE.themeIds,
  RESPONSE.source,
  RESPONSE.retainUntil
];

/** Check a response before it is written: the schema it is read with, so nothing is written that could not be read back. */
export function responseValuesToWrite(fields: ResponseFields): Record<string, unknown> {
  const result = responseFieldsSchema.safeParse(fields);
  if (!result.success) {
    const first = toFieldProblems(result.error)[0];
    throw new DataError('invalidRequest', `${first.text} (${first.path})`);
  }
  const f = result.data;
  return {
    [RESPONSE.text]: f.text,
    [RESPONSE.place]: f.place.trim(),
    [RESPONSE.groups]: JSON.stringify(f.groups),
    [RESPONSE.themeIds]: JSON.stringify([...new Set(f.themeIds)])
  };
}

/** SharePoint's hidden column for an item's Purview retention label. */
const COMPLIANCE_TAG = '_ComplianceTag';
const labelSchema = z.object({ Id: z.number(), OData__ComplianceTag: z.string().nullish(), _ComplianceTag: z.string().nullish() });
const asDateTime = (date: string): string => `${date}T00:00:00Z`;

/** A response that counts, or why an item does not. */
type Read = { response: EngagementResponse } | { ignored: IgnoredResponse };

/** What people said, one item per response, in "Engagement responses". */
export class SpResponses implements ResponseRepository {
  private readonly list: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.list = new ListGateway(sp, 'responses');
  }

  private parse(raw: unknown): EngagementResponse {
    const title = this.list.title;
    const item = parseItem(itemSchema, raw, title);
    const id = item.Id;
    const fields = {
      text: item[RESPONSE.text] ?? '',
      place: item[RESPONSE.place] ?? '',
      groups: parseJson(z.array(equalityGroupSchema), item[RESPONSE.groups], [], title, RESPONSE.groups, id),
      themeIds: parseJson(z.array(z.string()), item[RESPONSE.themeIds], [], title, RESPONSE.themeIds, id)
    };
    const checked = responseFieldsSchema.safeParse(fields);
    if (!checked.success) throw driftError(title, RESPONSE.text, 'is empty or too long.', id);
    const rowKey = responseRowKeySchema.safeParse(item[RESPONSE.rowKey] ?? '');
    const retain = item[RESPONSE.retainUntil];
    return {
      ...storedOf(raw, title),
      ...checked.data,
      planId: item[PLAN_ID],
      rowKey: rowKey.success ? rowKey.data : '',
      source: item[RESPONSE.source] ?? '',
      retainUntil: retain ? retain.slice(0, 10) : null,
      authorId: item.AuthorId,
      editorId: item.EditorId,
      modified: item.Modified
    };
  }

  private owners(planId: number): Promise<PlanOwners> {
    return planOwners(this.sp, [planId], (execute) => this.list.run(`Reading who may add plan ${planId}'s responses`, execute));
  }

  /** Every item for the plan (only those with an id above `afterId`, if given), oldest first, a page at a time. */
  private items(planId: number, afterId = 0, onProgress?: (loaded: number) => void): Promise<Array<{ raw: unknown; id: number }>> {
    const filter = `${PLAN_ID} eq ${planId}${afterId ? ` and Id gt ${afterId}` : ''}`;
    return this.list.all(
      `Reading the responses of plan ${planId}`,
      (items) =>
        items
          .select(...SELECT)
          .filter(filter)
          .orderBy('Id', true)
          .top(RESPONSE_PAGE_SIZE),
      (raw) => ({ raw, id: parseItem(itemSchema.pick({ Id: true }), raw, this.list.title).Id }),
      { onPage: onProgress }
    );
  }

  /** Sort what was read: counted responses, and items that do not count (with why). */
  private sort(found: ReadonlyArray<{ raw: unknown; id: number }>, planId: number, owners: PlanOwners, closedAt: string | null): Read[] {
    const lead = owners.authors.get(planId);
    if (lead === undefined) throw new DataError('notFound', `Plan ${planId} does not exist or cannot be seen.`);
    return found.map(({ raw, id }): Read => {
      let response: EngagementResponse;
      try {
        response = this.parse(raw);
      } catch (error) {
        if (!(error instanceof DataError && error.kind === 'schemaDrift')) throw error;
        return { ignored: { itemId: id, reason: error.detail } };
      }
      if (response.authorId !== lead && !inTeam(owners.roster, response.authorId))
        return { ignored: { itemId: id, reason: 'It was added by someone who is neither the plan’s lead nor in the involvement team.' } };
      // After the team signed the plan off, only the team changes its responses.
      if (closedAt && response.modified > closedAt && !inTeam(owners.roster, response.editorId))
        return { ignored: { itemId: id, reason: 'It was changed after the plan closed by someone not in the involvement team.' } };
      return { response };
    });
  }

  public async forPlan(
    planId: number,
    options: { closedAt?: string | null; onProgress?: (loaded: number) => void } = {}
  ): Promise<PlanResponses> {
    const [found, owners] = await Promise.all([this.items(planId, 0, options.onProgress), this.owners(planId)]);
    const reads = this.sort(found, planId, owners, options.closedAt ?? null);
    return {
      responses: reads.flatMap((r) => ('response' in r ? [r.response] : [])),
      ignored: reads.flatMap((r) => ('ignored' in r ? [r.ignored] : []))
    };
  }

  public async addMany(planId: number, rows: readonly NewResponse[], onProgress?: (added: number) => void): Promise<EngagementResponse[]> {
    // Validate every row before anything is sent.
    const requests = rows.map((r) => {
      if (!responseRowKeySchema.safeParse(r.rowKey).success)
        throw new DataError('invalidRequest', `The row key "${r.rowKey}" is not valid.`);
      return {
        requestId: r.rowKey,
        values: {
          Title: `Response to plan ${planId}`,
          [PLAN_ID]: planId,
          [RESPONSE.source]: r.source.slice(0, 255),
          ...responseValuesToWrite(r.fields)
        }
      };
    });
    const [owners, me] = await withRetries(() =>
      Promise.all([
        this.owners(planId),
        this.list.run('Reading who is signed in', () => this.sp.web.currentUser.select('Id')<{ Id: number }>())
      ])
    );
    if (owners.authors.get(planId) !== me.Id && !inTeam(owners.roster, me.Id))
      throw new DataError('forbidden', 'Only the plan’s lead or the involvement team can add responses to this plan.');
    // Only rows the lead or the team added count as already there: a row another lead planted under
    // the same key never stops this one being added. What was read once is kept, so each chunk
    // reads only the items added since (ids only grow).
    const known = new Map<number, StoredRow<EngagementResponse>>();
    let lastId = 0;
    const stored = async (afterId?: number): Promise<Array<StoredRow<EngagementResponse>>> => {
      const found = await this.items(planId, Math.max(afterId ?? 0, lastId));
      const fresh = this.sort(found, planId, owners, null).flatMap((r) =>
        'response' in r && r.response.rowKey ? [{ id: r.response.id, requestId: r.response.rowKey, item: r.response }] : []
      );
      for (const row of fresh) known.set(row.id, row);
      lastId = found.reduce((max, f) => Math.max(max, f.id), lastId);
      return afterId === undefined ? [...known.values()] : fresh;
    };
    // In chunks of ten $batch requests, each row added once by row key: a chunk cut off part way
    // (a $batch is not a transaction) is finished by trying it again, which adds only what is missing.
    const chunk = BATCH_SIZE * 10;
    let all = new Map<string, EngagementResponse>();
    for (let start = 0; start < requests.length; start += chunk) {
      all = await this.list.addManyOnce(
        `Adding responses to plan ${planId}`,
        RESPONSE.rowKey,
        requests.slice(start, start + chunk),
        stored
      );
      onProgress?.(Math.min(requests.length, start + chunk));
    }
    if (requests.length === 0) return (await this.forPlan(planId)).responses;
    return [...all.values()].sort((a, b) => a.id - b.id);
  }

  public async save(response: EngagementResponse): Promise<EngagementResponse> {
    await this.list.update(`Saving response ${response.id}`, response.id, response.version, responseValuesToWrite(response));
    return this.list.get(`Reading response ${response.id}`, response.id, { select: SELECT }, (raw) => this.parse(raw));
  }

  /**
   * The Purview retention label on each of the plan's items, by item id (SharePoint keeps it in
   * the hidden `_ComplianceTag` column, set only by SetComplianceTag, and answers it as
   * `OData__ComplianceTag`). Read only where the organisation names a label.
   */
  private async labels(planId: number): Promise<Map<number, string>> {
    const found = await this.list.all(
      `Reading the retention labels of plan ${planId}'s responses`,
      (items) => items.select('Id', COMPLIANCE_TAG).filter(`${PLAN_ID} eq ${planId}`).orderBy('Id', true).top(RESPONSE_PAGE_SIZE),
      (raw) => {
        const item = parseItem(labelSchema, raw, this.list.title);
        return [item.Id, item.OData__ComplianceTag ?? item._ComplianceTag ?? ''] as const;
      }
    );
    return new Map(found);
  }

  public async applyRetention(planId: number, retainUntil: string, label: string): Promise<number> {
    const tag = label.trim();
    const [{ responses }, labels] = await Promise.all([this.forPlan(planId), tag ? this.labels(planId) : new Map<number, string>()]);
    // A response needs its date, its label, or both: a label that failed last time is applied again.
    const undated = (r: EngagementResponse): boolean => r.retainUntil !== retainUntil;
    // Only items with no label: a label records management applied (a longer hold, say) is never replaced.
    const unlabelled = (r: EngagementResponse): boolean => tag !== '' && !labels.get(r.id);
    const needing = responses.filter((r) => undated(r) || unlabelled(r));
    let stamped = 0;
    let labelRefused = false;
    for (let start = 0; start < needing.length; start += BATCH_SIZE) {
      const part = needing.slice(start, start + BATCH_SIZE);
      const toDate = part.filter(undated);
      const toLabel = part.filter(unlabelled);
      // $batch is not a transaction: each part that fails is left for the next visit to repair.
      await withRetries(() =>
        dataCall(`Keeping the responses of plan ${planId} until ${retainUntil}`, async () => {
          const [batched, execute] = this.sp.batched();
          const items = batched.web.lists.getByTitle(this.list.title).items;
          const writes = toDate.map((r) =>
            items
              .getById(r.id)
              .update({ [RESPONSE.retainUntil]: asDateTime(retainUntil) }, r.version)
              .then(
                () => true,
                () => false
              )
          );
          const tags = toLabel.map((r) =>
            // ListItem.SetComplianceTag (Microsoft Learn: complianceTag, isTagPolicyHold, isTagPolicyRecord, isEventBasedTag).
            spPost(
              SPQueryable(items.getById(r.id), 'SetComplianceTag'),
              body({ complianceTag: tag, isTagPolicyHold: false, isTagPolicyRecord: false, isEventBasedTag: false })
            ).then(
              () => true,
              () => false
            )
          );
          await execute();
          const dated = await Promise.all(writes);
          const tagged = await Promise.all(tags);
          stamped += new Set([...toDate.filter((_r, i) => dated[i]), ...toLabel.filter((_r, i) => tagged[i])].map((r) => r.id)).size;
          labelRefused = toLabel.length > 0 && tagged.every((ok) => !ok);
        })
      );
      // SharePoint refused the label for every item: it is not published to this site, or misnamed.
      // Stop rather than ask again for each item; the next visit tries again.
      if (labelRefused) break;
    }
    return stamped;
  }
}
