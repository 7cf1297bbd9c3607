/**
 * The workbench server: the SharePoint and Graph stand-ins, fault injection and a few
 * workbench-only endpoints (`/_workbench/...`), on 127.0.0.1 only. The preview pages are added
 * by `main.ts` as middleware.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Store } from './store';
import { SharePointStandIn, type SpResponse } from './sharepoint';
import { GraphStandIn } from './graph';
import { FaultInjector, type FaultRandom, type FaultRule } from './faults';
import { formatBatchResponse, parseBatch } from './batch';
import { SAMPLE_USERS, USER_COOKIE, USER_HEADER, userFromRequest } from './directory';

export const SITE_PATH = '/sites/involvement';
/** The tenant property (storage entity) naming the planner's home site (see src/domain/homeSite.ts). */
export const HOME_SITE_PROPERTY = 'InvolvementPlannerSiteUrl';
const STORAGE_ENTITY = /^\/(?:sites\/involvement\/)?_api\/web\/getstorageentity\('([^']*)'\)$/i;
export const GRAPH_PATH = '/graph/v1.0';

export interface WorkbenchOptions {
  /** SQLite file, or ':memory:'. */
  dataFile: string;
  /** 0 picks a free port. */
  port: number;
  /** List view threshold (SharePoint Online: 5,000). */
  threshold?: number;
  faults?: FaultRule[];
  /** Where the fault injector's chances come from (default Math.random; tests pass a seeded source). */
  faultRandom?: FaultRandom;
  /** Handles requests the stand-ins do not (the preview pages). */
  fallback?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

export interface Workbench {
  server: Server;
  store: Store;
  faults: FaultInjector;
  baseUrl: string;
  siteUrl: string;
  graphUrl: string;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const isJson = body !== undefined && typeof body !== 'string';
  const payload = body === undefined ? '' : isJson ? JSON.stringify(body) : (body as string);
  res.writeHead(status, {
    ...(payload && isJson ? { 'Content-Type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8' } : {}),
    'Cache-Control': 'no-store',
    ...headers
  });
  res.end(payload);
}

const lowerHeaders = (req: IncomingMessage): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));

/** Start the workbench server. */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const store = new Store(options.dataFile);
  const faults = new FaultInjector(options.faults ?? [], options.faultRandom);
  const urls = { base: '', site: '' };
  const sp = (): SharePointStandIn => new SharePointStandIn(store, { siteUrl: urls.site, threshold: options.threshold ?? 5000 });
  const graph = new GraphStandIn(store);
  // Tenant properties (storage entities), readable from every site including the tenant root;
  // the home site is set, as an administrator would, so the personal app finds the lists.
  const tenantProperties = new Map<string, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', urls.base);
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const isApi =
      path.startsWith(`${SITE_PATH}/_api`) || path.startsWith('/_api/') || path.startsWith(GRAPH_PATH) || path.startsWith('/workflows/');

    if (isApi) {
      const decision = faults.decide(method, path);
      if (decision.latencyMs) await new Promise((r) => setTimeout(r, decision.latencyMs));
      if (decision.status) {
        const headers: Record<string, string> =
          decision.retryAfterSeconds !== undefined ? { 'Retry-After': String(decision.retryAfterSeconds) } : {};
        send(
          res,
          decision.status,
          path.startsWith(GRAPH_PATH)
            ? {
                error: {
                  code: decision.status === 429 ? 'TooManyRequests' : 'ServiceNotAvailable',
                  message: 'Injected fault from the workbench.'
                }
              }
            : {
                'odata.error': {
                  code: '-2147024860, Microsoft.SharePoint.SPServerBusyException',
                  message: { lang: 'en-US', value: 'The server is busy (injected fault from the workbench).' }
                }
              },
          headers
        );
        return;
      }
    }

    // GET _api/web/GetStorageEntity('key') from any site: {Value, Description, Comment}, or
    // {"odata.null": true} when the tenant has no such property (SharePoint Online's answers).
    const entity = STORAGE_ENTITY.exec(path);
    if (entity && method === 'GET') {
      const value = tenantProperties.get(decodeURIComponent(entity[1]));
      send(
        res,
        200,
        value === undefined
          ? { 'odata.null': true }
          : { Value: value, Description: 'Site that holds the Involvement Planner lists', Comment: '' }
      );
      return;
    }
    // The tenant's root site (where the Teams personal app runs) has none of the planner's lists.
    if (path.startsWith('/_api/')) {
      send(res, 404, {
        'odata.error': {
          code: '-2147024894, System.IO.FileNotFoundException',
          message: { lang: 'en-US', value: `The tenant root site (sample) has no planner lists: ${path}` }
        }
      });
      return;
    }
    if (path.startsWith(`${SITE_PATH}/_api/`) || path.startsWith(GRAPH_PATH) || path.startsWith('/_workbench/')) {
      const user = userFromRequest(req);
      if (!user) {
        send(res, 401, {
          error: `Unknown user. Send the ${USER_HEADER} header or ${USER_COOKIE} cookie with a sample user's id or email.`
        });
        return;
      }
      const body = await readBody(req);
      const headers = lowerHeaders(req);

      if (path === `${SITE_PATH}/_api/$batch` && method === 'POST') {
        if (!headers['x-requestdigest']) {
          send(res, 403, {
            'odata.error': {
              code: '-2130575251, System.Runtime.InteropServices.COMException',
              message: { lang: 'en-US', value: 'The security validation for this page is invalid.' }
            }
          });
          return;
        }
        let parts;
        try {
          parts = parseBatch(headers['content-type'] ?? '', body);
        } catch (error) {
          send(res, 400, {
            'odata.error': { code: '-1, Microsoft.Data.OData.ODataException', message: { lang: 'en-US', value: (error as Error).message } }
          });
          return;
        }
        const results = parts.map((part) => {
          const target = new URL(part.url, urls.base);
          // A part may fail on its own; the parts before and after it still run.
          const fault = faults.decide(part.method, target.pathname, true);
          if (fault.status) {
            return {
              status: fault.status,
              statusText: STATUS_TEXT[fault.status],
              headers: fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
              body: {
                'odata.error': {
                  code: '-2147024860, Microsoft.SharePoint.SPServerBusyException',
                  message: { lang: 'en-US', value: 'The server is busy (injected fault from the workbench).' }
                }
              }
            };
          }
          const r: SpResponse = sp().handle({
            method: part.method,
            path: target.pathname.slice(`${SITE_PATH}/_api/`.length),
            query: target.searchParams,
            headers: { ...part.headers, 'x-requestdigest': headers['x-requestdigest'] },
            body: part.body,
            user
          });
          return { status: r.status, statusText: STATUS_TEXT[r.status] ?? 'OK', headers: r.headers, body: r.body };
        });
        const boundary = randomUUID();
        send(res, 200, formatBatchResponse(boundary, results), { 'Content-Type': `multipart/mixed; boundary=batchresponse_${boundary}` });
        return;
      }
      if (path.startsWith(`${SITE_PATH}/_api/`)) {
        const r = sp().handle({ method, path: path.slice(`${SITE_PATH}/_api/`.length), query: url.searchParams, headers, body, user });
        send(res, r.status, r.body, r.headers);
        return;
      }
      if (path.startsWith(`${GRAPH_PATH}/`)) {
        const r = graph.handle(method, path.slice(`${GRAPH_PATH}/`.length), user, body);
        send(res, r.status, r.body, { ...r.headers, ...(r.body ? { 'Content-Type': 'application/json' } : {}) });
        return;
      }
      // Workbench-only endpoints.
      if (path === '/_workbench/users' && method === 'GET') {
        send(res, 200, { current: user.id, users: SAMPLE_USERS.map((u) => ({ id: u.id, title: u.title, email: u.email, role: u.role })) });
        return;
      }
      if (path === '/_workbench/faults') {
        if (method === 'POST') {
          try {
            faults.set(JSON.parse(body || '[]') as FaultRule[]);
          } catch (error) {
            send(res, 400, { error: (error as Error).message });
            return;
          }
        }
        send(res, 200, { rules: faults.get() });
        return;
      }
      // Tenant properties, as an administrator sets them (m365 spo storageentity set / remove).
      if (path === '/_workbench/tenant-properties') {
        if (method === 'POST') {
          if (!user.isSiteAdmin) {
            send(res, 403, { error: 'Only an administrator sets tenant properties.' });
            return;
          }
          const change = JSON.parse(body || '{}') as { key?: string; value?: string | null };
          if (!change.key) {
            send(res, 400, { error: 'Send {"key": "...", "value": "..."} (a null value removes the property).' });
            return;
          }
          if (change.value === null || change.value === undefined) tenantProperties.delete(change.key);
          else tenantProperties.set(change.key, change.value);
        }
        send(res, 200, Object.fromEntries(tenantProperties));
        return;
      }
      if (path === '/_workbench/messages' && method === 'GET') {
        send(res, 200, { value: graph.allMessages() });
        return;
      }
      const bulk = /^\/_workbench\/lists\/([^/]+)\/bulk$/.exec(path);
      if (bulk && method === 'POST') {
        const list = store.listByTitle(decodeURIComponent(bulk[1]));
        if (!list) {
          send(res, 404, { error: 'No such list.' });
          return;
        }
        if (!user.isSiteAdmin) {
          send(res, 403, { error: 'Only the site owner may bulk-load items.' });
          return;
        }
        const rows = JSON.parse(body) as Array<Record<string, unknown>>;
        send(res, 200, { added: store.addItems(list, user.id, rows) });
        return;
      }
      send(res, 404, { error: 'Not found' });
      return;
    }
    if (path.startsWith('/workflows/') && method === 'POST') {
      const r = graph.workflow(path.slice('/workflows/'.length), await readBody(req));
      send(res, r.status, r.body, r.headers);
      return;
    }
    if (options.fallback) {
      options.fallback(req, res, () => send(res, 404, 'Not found', { 'Content-Type': 'text/plain' }));
      return;
    }
    send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, { error: (error as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  urls.base = `http://127.0.0.1:${port}`;
  urls.site = `${urls.base}${SITE_PATH}`;
  tenantProperties.set(HOME_SITE_PROPERTY, urls.site);
  return {
    server,
    store,
    faults,
    baseUrl: urls.base,
    siteUrl: urls.site,
    graphUrl: `${urls.base}${GRAPH_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      })
  };
}
