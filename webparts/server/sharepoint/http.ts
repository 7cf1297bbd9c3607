/**
 * Requests, responses and SharePoint's error shapes for the REST stand-in. Each error carries the
 * HTTP status, the `odata.error` code and the message SharePoint Online sends for it.
 */
import type { SampleUser } from '../directory';
import type { Store } from '../store';

export interface SpRequest {
  method: string;
  /** Path after `/_api/`, still URL-encoded, without the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
  user: SampleUser;
}

export interface SpResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface SharePointOptions {
  /** Absolute URL of the site, e.g. http://127.0.0.1:4321/sites/involvement */
  siteUrl: string;
  /** List view threshold (SharePoint Online: 5,000). */
  threshold: number;
}

/** Everything a route handler needs: the request, who sent it, and the site. */
export interface SpContext {
  req: SpRequest;
  /** The effective method (`X-HTTP-Method` wins over the HTTP method, as SharePoint reads it). */
  method: string;
  store: Store;
  options: SharePointOptions;
  /** Permission masks worked out while answering this request (a query checks every item). */
  masks?: Map<string, bigint>;
}

export class SpHttpError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
  }
}

export const errors = {
  badQuery: (message: string): SpHttpError => new SpHttpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message),
  argument: (message: string): SpHttpError => new SpHttpError(400, '-2147024809, System.ArgumentException', message),
  listMissing: (title: string, siteUrl: string): SpHttpError =>
    new SpHttpError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL '${siteUrl}'.`),
  itemMissing: (): SpHttpError =>
    new SpHttpError(404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist. It may have been deleted by another user.'),
  fieldMissing: (name: string): SpHttpError =>
    new SpHttpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Column '${name}' does not exist. It may have been deleted by another user.`
    ),
  denied: (): SpHttpError =>
    new SpHttpError(
      403,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.'
    ),
  conflict: (): SpHttpError =>
    new SpHttpError(
      412,
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      "The request ETag value does not match the object's ETag value."
    ),
  throttled: (): SpHttpError =>
    new SpHttpError(
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.'
    ),
  digest: (): SpHttpError =>
    new SpHttpError(
      403,
      '-2130575251, System.Runtime.InteropServices.COMException',
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
    )
};

export function errorResponse(error: SpHttpError): SpResponse {
  return {
    status: error.status,
    headers: {},
    body: { 'odata.error': { code: error.code, message: { lang: 'en-US', value: error.message } } }
  };
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): SpResponse {
  return { status, headers, body };
}

/** The request body as a JSON object (without verbose `__metadata`); `{}` when empty. */
export function jsonBody(req: SpRequest): Record<string, unknown> {
  if (!req.body.trim()) return {};
  const parsed = JSON.parse(req.body) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw errors.badQuery('The request body must be a JSON object.');
  const rest: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  delete rest.__metadata;
  return rest;
}

/** `x` → `x`; `it''s` → `it's` (OData doubles a quote inside a quoted literal). */
export const unquote = (text: string): string => text.replace(/''/g, "'");
