/**
 * The SharePoint REST stand-in (`/sites/involvement/_api/...`). It answers the requests the
 * product's PnPjs adapter makes, in SharePoint's JSON light shapes, with SharePoint's failures:
 * - list view threshold: HTTP 500 `SPQueryThrottledException` when a query filters or sorts on a
 *   column that is not indexed and the list holds more items than the threshold
 *   (Microsoft Learn: "Manage large lists and libraries", default 5,000);
 * - 412 on a stale `IF-MATCH` ETag, `*` overwrites (Learn: "Working with lists and list items with REST");
 * - 400 for bad OData or unknown fields, 404 for a missing list or item, 403 for missing permission,
 *   honouring list ReadSecurity/WriteSecurity ("read/edit own items only").
 *
 * Requests are answered by the route table in `routes.ts`; permissions, fields, items, lists and
 * the site's users and groups each have their own module.
 */
import { ODataSyntaxError } from '../odata';
import type { Store } from '../store';
import { errorResponse, errors, SpHttpError, type SharePointOptions, type SpContext, type SpRequest, type SpResponse } from './http';
import { findRoute } from './router';
import { ROUTES } from './routes';
import { LIST, resolveList } from './lists';

export type { SharePointOptions, SpRequest, SpResponse } from './http';

const LIST_PREFIX = new RegExp(`^${LIST}(?<rest>.*)$`, 'i');

export class SharePointStandIn {
  public constructor(
    private readonly store: Store,
    private readonly options: SharePointOptions
  ) {}

  public handle(req: SpRequest): SpResponse {
    try {
      const method = (req.headers['x-http-method'] ?? req.method).toUpperCase();
      if (method !== 'GET' && !/^contextinfo$/i.test(req.path) && !req.headers['x-requestdigest']) throw errors.digest();
      return this.route({ req, method, store: this.store, options: this.options });
    } catch (error) {
      if (error instanceof SpHttpError) return errorResponse(error);
      if (error instanceof ODataSyntaxError) return errorResponse(errors.badQuery(error.message));
      if (error instanceof SyntaxError) return errorResponse(errors.badQuery(`The request body is not valid JSON: ${error.message}`));
      throw error;
    }
  }

  private route(ctx: SpContext): SpResponse {
    const path = decodeURIComponent(ctx.req.path).replace(/\/+$/, '');
    const found = findRoute(ROUTES, ctx.method, path);
    if (found) return found.route.handle(ctx, found.params);
    // Nothing answers: a missing or unreadable list still says so first.
    const underList = LIST_PREFIX.exec(path);
    if (underList?.groups) {
      resolveList(ctx, underList.groups);
      throw errors.badQuery(`The stand-in does not implement '${ctx.method}' on this list resource '${underList.groups.rest}'.`);
    }
    throw errors.badQuery(`The stand-in does not implement '${ctx.method} _api/${path}'.`);
  }
}
