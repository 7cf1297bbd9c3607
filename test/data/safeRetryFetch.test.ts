/**
 * The transport's retries under the retry policy, through unmodified PnPjs: reads and versioned
 * updates are repeated after 429/503 as Retry-After asks; a create is never repeated blindly;
 * a wait past the budget is reported to the caller with what the server asked.
 */
import { spfi, spPost, SPQueryable, DefaultHeaders, DefaultInit, type SPFI } from '@pnp/sp';
import { body, DefaultParse } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { SafeRetryFetch, toDataError } from '../../src/data/http';

const SITE = 'https://contoso.example/sites/involvement';
const sp = (): SPFI => spfi(SITE).using(DefaultHeaders(), DefaultInit(), SafeRetryFetch(), DefaultParse());
const reply = (status: number, headers: Record<string, string> = {}): Response =>
  new Response(status === 200 ? JSON.stringify({ d: { results: [] } }) : 'busy', { status, headers });

/** Answers fetch with `responses` in turn; records each request's method. */
function serve(...responses: Response[]): string[] {
  const methods: string[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    const headers = new Headers(init?.headers);
    methods.push(headers.get('X-HTTP-Method') ?? init?.method ?? 'GET');
    return responses.shift() ?? reply(200);
  });
  return methods;
}

afterEach(() => jest.restoreAllMocks());

it('repeats a read after 429 and 503, as Retry-After asks', async () => {
  const methods = serve(reply(429, { 'Retry-After': '0' }), reply(503, { 'Retry-After': '0' }), reply(200));
  await sp().web.lists.getByTitle('Involvement plans').items();
  expect(methods).toEqual(['GET', 'GET', 'GET']);
});

it('repeats an update made at a specific version (a repeat cannot apply twice)', async () => {
  const methods = serve(reply(429, { 'Retry-After': '0' }), new Response(null, { status: 204 }));
  await sp().web.lists.getByTitle('Involvement plans').items.getById(7).update({ Title: 'x' }, '"3"');
  expect(methods).toEqual(['MERGE', 'MERGE']);
});

it('never repeats a create: the 429 goes back to the caller, who looks before adding again', async () => {
  const methods = serve(reply(429, { 'Retry-After': '0' }), reply(200));
  const error = await sp()
    .web.lists.getByTitle('Involvement plans')
    .items.add({ Title: 'x' })
    .catch((e: unknown) => toDataError(e, 'Adding'));
  expect(error).toMatchObject({ kind: 'throttled', retryAfterMs: 0 });
  expect(methods).toEqual(['POST']);
});

it('stops after 4 tries, and reports the wait the server asked for', async () => {
  const methods = serve(...[1, 2, 3, 4, 5].map(() => reply(429, { 'Retry-After': '0' })));
  const error = await sp()
    .web.lists.getByTitle('Involvement plans')
    .items()
    .catch((e: unknown) => toDataError(e, 'Reading'));
  expect(error).toMatchObject({ kind: 'throttled', retryAfterMs: 0 });
  expect(methods).toHaveLength(4);
});

it('does not wait past the budget: a Retry-After of 2 minutes is reported, not slept through', async () => {
  const methods = serve(reply(503, { 'Retry-After': '120' }), reply(200));
  const started = Date.now();
  const error = await sp()
    .web.lists.getByTitle('Involvement plans')
    .items()
    .catch((e: unknown) => toDataError(e, 'Reading'));
  // 503 is "unavailable", told apart from throttling (429) so the person is told which (issue 15 §3).
  expect(error).toMatchObject({ kind: 'unavailable', retryAfterMs: 120_000 });
  expect(methods).toEqual(['GET']);
  expect(Date.now() - started).toBeLessThan(5000);
});

describe('a $batch (issue 15: the fault suite found read-only batches were never retried)', () => {
  /** Sends a batch of `parts` against 429s only, and says how many times it was sent. */
  async function sendsUnderThrottling(parts: (batched: SPFI) => Array<Promise<unknown>>): Promise<number> {
    const methods = serve(...[1, 2, 3, 4, 5].map(() => reply(429, { 'Retry-After': '0' })));
    const [batched, execute] = sp().batched();
    // The parts settle only through the batch; a batch refused as a whole leaves them to the caller.
    parts(batched).forEach((p) => p.catch(() => undefined));
    await execute().catch(() => undefined);
    return methods.length;
  }

  it('of reads only is repeated as a read is, up to the policy', async () => {
    const list = (s: SPFI) => s.web.lists.getByTitle('Involvement plans');
    expect(await sendsUnderThrottling((s) => [list(s).items(), list(s).items.getById(3)()])).toBe(4);
  });

  it('with a write in it is sent once: its parts are not a transaction, so the caller reads again and completes', async () => {
    const list = (s: SPFI) => s.web.lists.getByTitle('Involvement plans');
    expect(await sendsUnderThrottling((s) => [list(s).items(), list(s).items.add({ Title: 'x' })])).toBe(1);
  });

  it('with a CAML read by GetItems (a POST that only reads) and GETs is repeated as a read is; a POST to items is not', async () => {
    const list = (s: SPFI) => s.web.lists.getByTitle('Involvement plans');
    const caml = (s: SPFI) => spPost(SPQueryable(list(s), 'GetItems').select('Id'), body({ query: { ViewXml: '<View/>' } }));
    expect(await sendsUnderThrottling((s) => [list(s).items(), caml(s)])).toBe(4);
    expect(await sendsUnderThrottling((s) => [caml(s), spPost(SPQueryable(list(s), 'items'), body({ Title: 'x' }))])).toBe(1);
  });
});
