/**
 * The SharePoint REST stand-in (`/sites/involvement/_api/...`). It answers the requests the
 * product's PnPjs adapter makes, in SharePoint's JSON light shapes, with SharePoint's failures:
 * - list view threshold: HTTP 500 `SPQueryThrottledException` when a query filters or sorts on a
 *   column that is not indexed and the list holds more items than the threshold
 *   (Microsoft Learn: "Manage large lists and libraries", default 5,000);
 * - 412 on a stale `IF-MATCH` ETag, `*` overwrites (Learn: "Working with lists and list items with REST");
 * - 400 for bad OData or unknown fields, 404 for a missing list or item, 403 for missing permission,
 *   honouring list ReadSecurity/WriteSecurity ("read/edit own items only").
 */
import { randomUUID } from 'node:crypto';
import { compareValues, evaluate, filterFields, parseFilter, ODataSyntaxError, type FilterNode } from './odata';
import { FIELD_TYPE_KIND, ROLE, roleRank, type FieldDef, type FieldType, type ItemRec, type ListDef, type Store } from './store';
import { GROUP, SAMPLE_GROUPS, SAMPLE_USERS, type SampleUser } from './directory';

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

const MAX_TOP = 5000;
const DEFAULT_TOP = 100;

class SpHttpError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
  }
}

const errors = {
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

function errorResponse(error: SpHttpError): SpResponse {
  return {
    status: error.status,
    headers: {},
    body: { 'odata.error': { code: error.code, message: { lang: 'en-US', value: error.message } } }
  };
}

/** Permission level a user has on a list: site groups, or the list's own role assignments. */
export function effectiveRank(user: SampleUser, list?: ListDef): number {
  if (user.isSiteAdmin) return roleRank(ROLE.fullControl);
  if (list?.hasUniqueRoleAssignments) {
    return Math.max(
      0,
      ...list.roleAssignments
        .filter((r) => r.principalId === user.id || user.groups.includes(r.principalId))
        .map((r) => roleRank(r.roleDefId))
    );
  }
  return Math.max(
    0,
    ...SAMPLE_GROUPS.filter((g) => user.groups.includes(g.id) && g.siteRole !== null).map((g) => roleRank(g.siteRole as number))
  );
}
const EDIT = roleRank(ROLE.edit);
const CONTRIBUTE = roleRank(ROLE.contribute);
const READ = roleRank(ROLE.read);

function canReadItem(user: SampleUser, list: ListDef, item: ItemRec): boolean {
  const rank = effectiveRank(user, list);
  return rank >= EDIT || (rank >= READ && (list.readSecurity === 1 || item.authorId === user.id));
}
function canEditItem(user: SampleUser, list: ListDef, item: ItemRec): boolean {
  const rank = effectiveRank(user, list);
  if (rank >= EDIT) return true;
  if (rank < CONTRIBUTE || !canReadItem(user, list, item)) return false;
  return list.writeSecurity === 1 || (list.writeSecurity === 2 && item.authorId === user.id);
}

const userJson = (u: SampleUser): Record<string, unknown> => ({
  'odata.type': 'SP.User',
  Id: u.id,
  Title: u.title,
  Email: u.email,
  EMail: u.email,
  LoginName: u.loginName,
  IsSiteAdmin: u.isSiteAdmin,
  UserPrincipalName: u.email,
  PrincipalType: 1
});
const groupJson = (g: { id: number; title: string }): Record<string, unknown> => ({
  'odata.type': 'SP.Group',
  Id: g.id,
  Title: g.title,
  LoginName: g.title,
  PrincipalType: 8
});

function entityName(list: ListDef): string {
  return `SP.Data.${list.title.replace(/[^A-Za-z0-9]/g, '')}ListItem`;
}

/** Parse `<Field .../>` schema XML the way `createfieldasxml` reads it. */
export function parseFieldXml(xml: string, options: number, store: Store): FieldDef {
  const tag = /<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!tag) throw errors.argument('The field schema XML is not valid.');
  const attrs = new Map<string, string>();
  for (const m of tag[1].matchAll(/(\w+)\s*=\s*"([^"]*)"/g))
    attrs.set(
      m[1].toLowerCase(),
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    );
  const typeRaw = attrs.get('type') ?? '';
  const type = (Object.keys(FIELD_TYPE_KIND) as FieldType[]).find((t) => t.toLowerCase() === typeRaw.toLowerCase());
  if (!type || type === 'Counter') throw errors.argument(`Field type '${typeRaw}' is not supported.`);
  const displayName = attrs.get('displayname') ?? attrs.get('name') ?? '';
  // SP.AddFieldOptions.AddFieldInternalNameHint (8) keeps Name as the internal name.
  const internalName =
    options & 8 || !attrs.get('displayname') ? (attrs.get('name') ?? attrs.get('staticname') ?? '') : displayName.replace(/ /g, '_x0020_');
  if (!internalName) throw errors.argument('The field needs a Name.');
  const choices = [...xml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
  let lookupListId: string | undefined;
  if (type === 'Lookup') {
    const ref = (attrs.get('list') ?? '').replace(/[{}]/g, '');
    const target = store.listById(ref) ?? store.listByTitle(ref);
    if (!target) throw errors.argument(`The lookup list '${ref}' does not exist.`);
    lookupListId = target.id;
  }
  return {
    id: randomUUID(),
    internalName,
    title: displayName,
    type,
    indexed: /^true$/i.test(attrs.get('indexed') ?? ''),
    required: /^true$/i.test(attrs.get('required') ?? ''),
    readOnly: false,
    hidden: false,
    choices: type === 'Choice' || type === 'MultiChoice' ? choices : undefined,
    lookupListId,
    lookupField: type === 'Lookup' ? (attrs.get('showfield') ?? 'Title') : undefined,
    schemaXml: xml
  };
}

function fieldJson(f: FieldDef, list: ListDef): Record<string, unknown> {
  return {
    'odata.type': `SP.Field${f.type === 'Note' ? 'MultiLineText' : f.type === 'Counter' || f.type === 'Integer' ? 'Number' : f.type === 'MultiChoice' ? 'MultiChoice' : f.type}`,
    Id: f.id,
    InternalName: f.internalName,
    StaticName: f.internalName,
    EntityPropertyName: f.internalName,
    Title: f.title,
    TypeAsString: f.type,
    FieldTypeKind: FIELD_TYPE_KIND[f.type],
    Indexed: f.indexed,
    Required: f.required,
    ReadOnlyField: f.readOnly,
    Hidden: f.hidden,
    Choices: f.choices ?? null,
    LookupList: f.lookupListId ? `{${f.lookupListId}}` : null,
    LookupField: f.lookupField ?? null,
    SchemaXml: f.schemaXml,
    Scope: `/sites/involvement/Lists/${list.title}`
  };
}

function listJson(list: ListDef, store: Store, siteUrl: string): Record<string, unknown> {
  return {
    'odata.type': 'SP.List',
    'odata.id': `${siteUrl}/_api/Web/Lists(guid'${list.id}')`,
    Id: list.id,
    Title: list.title,
    Description: list.description,
    BaseTemplate: list.baseTemplate,
    ItemCount: store.itemsOf(list).size,
    Created: list.created,
    ReadSecurity: list.readSecurity,
    WriteSecurity: list.writeSecurity,
    HasUniqueRoleAssignments: list.hasUniqueRoleAssignments,
    EntityTypeName: `${list.title.replace(/[^A-Za-z0-9]/g, '')}List`,
    ListItemEntityTypeFullName: entityName(list)
  };
}

function findField(list: ListDef, name: string): FieldDef | undefined {
  return list.fields.find((f) => f.internalName === name) ?? list.fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase());
}

/** The field a request property or path refers to: `ipPlanId` → the `ipPlan` lookup; `ipLead/Title` → `ipLead`. */
function fieldForPath(list: ListDef, path: string): { field: FieldDef; sub?: string; idSuffix: boolean } {
  const [base, sub] = path.split('/');
  if (base === 'Id' || base === 'ID') return { field: findField(list, 'ID') as FieldDef, idSuffix: false };
  const direct = findField(list, base);
  if (direct) return { field: direct, sub, idSuffix: false };
  if (/Id$/.test(base)) {
    const target = findField(list, base.slice(0, -2));
    if (target && (target.type === 'User' || target.type === 'Lookup')) return { field: target, idSuffix: true };
  }
  throw errors.fieldMissing(base);
}

export class SharePointStandIn {
  public constructor(
    private readonly store: Store,
    private readonly options: SharePointOptions
  ) {}

  public handle(req: SpRequest): SpResponse {
    try {
      const method = (req.headers['x-http-method'] ?? req.method).toUpperCase();
      if (method !== 'GET' && !/^contextinfo$/i.test(req.path) && !req.headers['x-requestdigest']) throw errors.digest();
      return this.route(method, req);
    } catch (error) {
      if (error instanceof SpHttpError) return errorResponse(error);
      if (error instanceof ODataSyntaxError) return errorResponse(errors.badQuery(error.message));
      if (error instanceof SyntaxError) return errorResponse(errors.badQuery(`The request body is not valid JSON: ${error.message}`));
      throw error;
    }
  }

  private ok(body: unknown, status = 200, headers: Record<string, string> = {}): SpResponse {
    return { status, headers, body };
  }

  private route(method: string, req: SpRequest): SpResponse {
    const path = decodeURIComponent(req.path).replace(/\/+$/, '');
    const { siteUrl } = this.options;
    let m: RegExpExecArray | null;

    if (/^contextinfo$/i.test(path) && method === 'POST') {
      return this.ok({
        FormDigestValue: `0x${randomUUID().replace(/-/g, '').toUpperCase()},${new Date().toUTCString()}`,
        FormDigestTimeoutSeconds: 1800,
        WebFullUrl: siteUrl,
        SiteFullUrl: siteUrl,
        LibraryVersion: '16.0.0.0'
      });
    }
    if (/^web$/i.test(path)) {
      return this.ok({
        'odata.type': 'SP.Web',
        Id: '0f1e2d3c-4b5a-4968-8776-655443322110',
        Title: 'Involvement (Sample site)',
        Url: siteUrl,
        ServerRelativeUrl: new URL(siteUrl).pathname,
        Language: 2057
      });
    }
    if (/^web\/currentuser$/i.test(path)) return this.ok(userJson(req.user));
    if (/^web\/currentuser\/groups$/i.test(path))
      return this.ok({ value: SAMPLE_GROUPS.filter((g) => req.user.groups.includes(g.id)).map(groupJson) });
    if (/^web\/siteusers$/i.test(path)) return this.ok({ value: SAMPLE_USERS.map(userJson) });
    if (
      (m = /^web\/(?:siteusers|getuserbyid)\((?:getById\()?(\d+)\)?\)?$/i.exec(path)) ||
      (m = /^web\/siteusers\/getById\((\d+)\)$/i.exec(path))
    ) {
      const u = SAMPLE_USERS.find((x) => x.id === Number(m?.[1]));
      if (!u) throw new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
      return this.ok(userJson(u));
    }
    if (/^web\/sitegroups$/i.test(path)) return this.ok({ value: SAMPLE_GROUPS.map(groupJson) });
    if (
      (m =
        /^web\/(?:sitegroups\/getById\((\d+)\)|sitegroups\/getByName\('([^']*)'\)|associated(Owner|Member|Visitor)Group)(\/users)?$/i.exec(
          path
        ))
    ) {
      const assoc = m[3]?.toLowerCase();
      const group = SAMPLE_GROUPS.find(
        (g) =>
          (m?.[1] && g.id === Number(m[1])) ||
          (m?.[2] && g.title.toLowerCase() === m[2].toLowerCase()) ||
          (assoc === 'owner' && g.id === GROUP.owners) ||
          (assoc === 'member' && g.id === GROUP.members) ||
          (assoc === 'visitor' && g.id === GROUP.visitors)
      );
      if (!group) throw new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
      return m[4] ? this.ok({ value: SAMPLE_USERS.filter((u) => u.groups.includes(group.id)).map(userJson) }) : this.ok(groupJson(group));
    }
    if (/^web\/lists$/i.test(path)) {
      // SharePoint lists only the lists the user can read.
      if (method === 'GET')
        return this.ok({
          value: this.store
            .allLists()
            .filter((l) => effectiveRank(req.user, l) >= READ)
            .map((l) => listJson(l, this.store, siteUrl))
        });
      if (method === 'POST') return this.createList(req);
    }
    if ((m = /^web\/lists(?:\/getByTitle\('((?:[^']|'')*)'\)|\(guid'([0-9a-f-]+)'\)|\/getById\('([0-9a-f-]+)'\))(.*)$/i.exec(path))) {
      const title = m[1]?.replace(/''/g, "'");
      const list = title !== undefined ? this.store.listByTitle(title) : this.store.listById(m[2] ?? m[3]);
      if (!list) throw errors.listMissing(title ?? m[2] ?? m[3], siteUrl);
      if (effectiveRank(req.user, list) < READ) throw errors.denied();
      return this.routeList(method, req, list, m[4]);
    }
    throw errors.badQuery(`The stand-in does not implement '${method} _api/${path}'.`);
  }

  private body(req: SpRequest): Record<string, unknown> {
    if (!req.body.trim()) return {};
    const parsed = JSON.parse(req.body) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw errors.badQuery('The request body must be a JSON object.');
    const rest: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
    delete rest.__metadata;
    return rest;
  }

  private createList(req: SpRequest): SpResponse {
    if (effectiveRank(req.user) < EDIT) throw errors.denied();
    const body = this.body(req);
    const title = typeof body.Title === 'string' ? body.Title.trim() : '';
    if (!title) throw errors.argument('The list needs a Title.');
    if (this.store.listByTitle(title))
      throw new SpHttpError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`
      );
    const list = this.store.createList(
      title,
      typeof body.Description === 'string' ? body.Description : '',
      typeof body.BaseTemplate === 'number' ? body.BaseTemplate : 100
    );
    return this.ok(listJson(list, this.store, this.options.siteUrl), 201);
  }

  private routeList(method: string, req: SpRequest, list: ListDef, rest: string): SpResponse {
    const { siteUrl } = this.options;
    let m: RegExpExecArray | null;
    if (rest === '') {
      if (method === 'GET') return this.ok(listJson(list, this.store, siteUrl));
      if (method === 'MERGE') {
        if (effectiveRank(req.user, list) < EDIT) throw errors.denied();
        const body = this.body(req);
        for (const [key, value] of Object.entries(body)) {
          if (key === 'ReadSecurity' && (value === 1 || value === 2)) list.readSecurity = value;
          else if (key === 'WriteSecurity' && (value === 1 || value === 2 || value === 4)) list.writeSecurity = value;
          else if (key === 'Description' && typeof value === 'string') list.description = value;
          else if (key === 'Title' && typeof value === 'string' && value.trim()) list.title = value.trim();
          else throw errors.badQuery(`The property '${key}' cannot be set on SP.List here.`);
        }
        this.store.saveList(list);
        return this.ok(undefined, 204);
      }
    }
    if (
      (m = /^\/breakroleinheritance\(copyroleassignments=(true|false),\s*clearsubscopes=(true|false)\)$/i.exec(rest)) &&
      method === 'POST'
    ) {
      if (effectiveRank(req.user, list) < roleRank(ROLE.fullControl)) throw errors.denied();
      if (!list.hasUniqueRoleAssignments) {
        list.roleAssignments =
          m[1].toLowerCase() === 'true'
            ? SAMPLE_GROUPS.filter((g) => g.siteRole !== null).map((g) => ({ principalId: g.id, roleDefId: g.siteRole as number }))
            : [{ principalId: GROUP.owners, roleDefId: ROLE.fullControl }];
        list.hasUniqueRoleAssignments = true;
        this.store.saveList(list);
      }
      return this.ok(undefined, 200, {});
    }
    if ((m = /^\/roleassignments\/(add|remove)roleassignment\(principalid=(\d+),\s*roledefid=(\d+)\)$/i.exec(rest)) && method === 'POST') {
      if (effectiveRank(req.user, list) < roleRank(ROLE.fullControl)) throw errors.denied();
      const principalId = Number(m[2]);
      const roleDefId = Number(m[3]);
      list.roleAssignments = list.roleAssignments.filter((r) => !(r.principalId === principalId && r.roleDefId === roleDefId));
      if (m[1].toLowerCase() === 'add') list.roleAssignments.push({ principalId, roleDefId });
      this.store.saveList(list);
      return this.ok(undefined, 200);
    }
    if (/^\/hasuniqueroleassignments$/i.test(rest) && method === 'GET') return this.ok({ value: list.hasUniqueRoleAssignments });
    if (/^\/roleassignments$/i.test(rest) && method === 'GET') {
      // Reading who has access needs the Enumerate Permissions right (Full Control here).
      if (effectiveRank(req.user, list) < roleRank(ROLE.fullControl)) throw errors.denied();
      return this.ok({
        value: list.roleAssignments.map((r) => ({ PrincipalId: r.principalId, RoleDefinitionBindings: [{ Id: r.roleDefId }] }))
      });
    }
    if (/^\/fields$/i.test(rest) && method === 'GET') {
      return this.ok({ value: list.fields.map((f) => fieldJson(f, list)) });
    }
    if (/^\/fields\/createfieldasxml$/i.test(rest) && method === 'POST') {
      if (effectiveRank(req.user, list) < EDIT) throw errors.denied();
      const body = this.body(req) as { parameters?: { SchemaXml?: string; Options?: number } };
      const field = parseFieldXml(body.parameters?.SchemaXml ?? '', body.parameters?.Options ?? 0, this.store);
      if (findField(list, field.internalName)) throw errors.argument(`A duplicate field name "${field.internalName}" was found.`);
      list.fields.push(field);
      this.store.saveList(list);
      return this.ok(fieldJson(field, list), 201);
    }
    if ((m = /^\/fields\/(?:getByInternalNameOrTitle|getByTitle)\('((?:[^']|'')*)'\)$/i.exec(rest))) {
      const name = m[1].replace(/''/g, "'");
      const field = findField(list, name) ?? list.fields.find((f) => f.title === name);
      if (!field)
        throw new SpHttpError(
          404,
          '-2147024809, System.ArgumentException',
          `Column '${name}' does not exist. It may have been deleted by another user.`
        );
      if (method === 'GET') return this.ok(fieldJson(field, list));
      if (method === 'MERGE') {
        if (effectiveRank(req.user, list) < EDIT) throw errors.denied();
        const body = this.body(req);
        for (const [key, value] of Object.entries(body)) {
          if (key === 'Indexed' && typeof value === 'boolean') {
            if (value && !field.indexed && list.fields.filter((f) => f.indexed && f.internalName !== 'ID').length >= 20) {
              throw errors.argument('This list already has 20 indexed columns, the most SharePoint allows.');
            }
            field.indexed = value;
          } else if (key === 'Title' && typeof value === 'string') field.title = value;
          else if (key === 'Required' && typeof value === 'boolean') field.required = value;
          else throw errors.badQuery(`The property '${key}' cannot be set on SP.Field here.`);
        }
        this.store.saveList(list);
        return this.ok(undefined, 204);
      }
    }
    if (/^\/items$/i.test(rest)) {
      if (method === 'GET') return this.queryItems(req, list);
      if (method === 'POST') return this.addItem(req, list);
    }
    if ((m = /^\/items\((\d+)\)$/i.exec(rest))) {
      const item = this.store.itemsOf(list).get(Number(m[1]));
      if (!item || !canReadItem(req.user, list, item)) throw errors.itemMissing();
      if (method === 'GET') {
        const shape = this.parseShape(req, list);
        return this.ok(this.itemJson(list, item, shape), 200, { ETag: `"${item.version}"` });
      }
      if (method === 'MERGE' || method === 'DELETE') {
        if (!canEditItem(req.user, list, item)) throw errors.denied();
        const ifMatch = req.headers['if-match'];
        if (ifMatch && ifMatch !== '*' && ifMatch.replace(/^W\//, '') !== `"${item.version}"`) throw errors.conflict();
        if (method === 'DELETE') {
          this.store.deleteItem(list, item.id);
          return this.ok(undefined, 200);
        }
        Object.assign(item.values, this.writeValues(list, this.body(req)));
        item.version += 1;
        item.editorId = req.user.id;
        item.modified = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        this.store.saveItem(list, item);
        return this.ok(undefined, 204, { ETag: `"${item.version}"` });
      }
    }
    throw errors.badQuery(`The stand-in does not implement '${method}' on this list resource '${rest}'.`);
  }

  /** Turn request properties into stored values, refusing unknown or read-only fields. */
  private writeValues(list: ListDef, body: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      let target: { field: FieldDef; idSuffix: boolean };
      try {
        target = fieldForPath(list, key);
      } catch {
        throw errors.badQuery(
          `The property '${key}' does not exist on type '${entityName(list)}'. Make sure to only use property names that are defined by the type.`
        );
      }
      const { field } = target;
      if (field.readOnly) throw errors.badQuery(`The property '${key}' is read-only.`);
      if ((field.type === 'User' || field.type === 'Lookup') && !target.idSuffix) {
        throw errors.badQuery(`A value for '${key}' must be written to '${key}Id'.`);
      }
      out[field.internalName] = this.coerce(field, key, value);
    }
    return out;
  }

  private coerce(field: FieldDef, key: string, value: unknown): unknown {
    const bad = (): never => {
      throw errors.badQuery(`Cannot convert the value for '${key}' to a ${field.type} value.`);
    };
    if (value === null) return null;
    switch (field.type) {
      case 'Text':
        if (typeof value !== 'string') bad();
        if ((value as string).length > 255) throw errors.argument(`The value for '${key}' is longer than 255 characters.`);
        return value;
      case 'Note':
        if (typeof value !== 'string') bad();
        return value;
      case 'Choice':
        if (typeof value !== 'string') bad();
        return value;
      case 'Number':
      case 'Currency':
      case 'Integer':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad();
        return value;
      case 'Boolean':
        if (typeof value !== 'boolean') bad();
        return value;
      case 'DateTime':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) bad();
        return new Date(value as string).toISOString().replace(/\.\d{3}Z$/, 'Z');
      case 'MultiChoice': {
        const arr = Array.isArray(value) ? value : (value as { results?: unknown })?.results;
        if (!Array.isArray(arr) || arr.some((v) => typeof v !== 'string')) bad();
        return arr;
      }
      case 'User': {
        if (typeof value !== 'number' || !SAMPLE_USERS.some((u) => u.id === value))
          throw errors.argument(`The user id ${String(value)} for '${key}' is not a user of this site.`);
        return value;
      }
      case 'Lookup': {
        const target = field.lookupListId ? this.store.listById(field.lookupListId) : undefined;
        if (typeof value !== 'number' || !target || !this.store.itemsOf(target).has(value))
          throw errors.argument(`The lookup value ${String(value)} for '${key}' does not exist.`);
        return value;
      }
      default:
        return bad();
    }
  }

  private addItem(req: SpRequest, list: ListDef): SpResponse {
    if (effectiveRank(req.user, list) < CONTRIBUTE) throw errors.denied();
    const values = this.writeValues(list, this.body(req));
    for (const f of list.fields)
      if (f.required && f.internalName !== 'Title' && (values[f.internalName] === undefined || values[f.internalName] === null))
        throw errors.argument(`The field '${f.internalName}' is required.`);
    const item = this.store.addItem(list, req.user.id, values);
    return this.ok(this.itemJson(list, item, { all: true, fields: new Set(), expand: new Map() }), 201, { ETag: `"${item.version}"` });
  }

  private parseShape(req: SpRequest, list: ListDef): ItemShape {
    const select = (req.query.get('$select') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const expandNames = (req.query.get('$expand') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const expand = new Map<string, Set<string>>();
    for (const name of expandNames) {
      const field = findField(list, name);
      if (!field || (field.type !== 'User' && field.type !== 'Lookup'))
        throw errors.badQuery(`The field or property '${name}' does not exist or cannot be expanded.`);
      expand.set(field.internalName, new Set());
    }
    const fields = new Set<string>();
    for (const s of select) {
      if (s === '*') continue;
      const [base, sub] = s.split('/');
      const target = fieldForPath(list, s);
      if (sub) {
        const subs = expand.get(target.field.internalName);
        if (!subs)
          throw errors.badQuery(
            `The query to field '${s}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${base}.`
          );
        subs.add(sub);
      } else {
        fields.add(target.idSuffix ? `${target.field.internalName}Id` : target.field.internalName);
      }
    }
    return { all: select.length === 0 || select.includes('*'), fields, expand };
  }

  private readValue(list: ListDef, item: ItemRec, path: string): unknown {
    const { field, sub, idSuffix } = fieldForPath(list, path);
    const raw =
      field.internalName === 'ID'
        ? item.id
        : field.internalName === 'Created'
          ? item.created
          : field.internalName === 'Modified'
            ? item.modified
            : field.internalName === 'Author'
              ? item.authorId
              : field.internalName === 'Editor'
                ? item.editorId
                : item.values[field.internalName];
    if (field.type === 'User' || field.type === 'Lookup') {
      if (idSuffix || !sub || sub.toLowerCase() === 'id') return raw ?? null;
      if (raw === null || raw === undefined) return null;
      if (field.type === 'User') {
        const u = SAMPLE_USERS.find((x) => x.id === raw);
        const key = sub.toLowerCase();
        return key === 'title'
          ? u?.title
          : key === 'email'
            ? u?.email
            : key === 'name'
              ? u?.loginName
              : (() => {
                  throw errors.fieldMissing(path);
                })();
      }
      const target = field.lookupListId ? this.store.listById(field.lookupListId) : undefined;
      const targetItem = target ? this.store.itemsOf(target).get(raw as number) : undefined;
      return target && targetItem ? this.readValue(target, targetItem, sub) : null;
    }
    if (sub) throw errors.fieldMissing(path);
    return raw ?? null;
  }

  private itemJson(list: ListDef, item: ItemRec, shape: ItemShape): Record<string, unknown> {
    const { siteUrl } = this.options;
    const out: Record<string, unknown> = {
      'odata.type': entityName(list),
      'odata.id': `${siteUrl}/_api/Web/Lists(guid'${list.id}')/Items(${item.id})`,
      'odata.etag': `"${item.version}"`,
      'odata.editLink': `Web/Lists(guid'${list.id}')/Items(${item.id})`
    };
    const put = (name: string): void => {
      const field = findField(list, name.replace(/Id$/, '')) ?? findField(list, name);
      if (!field) return;
      const value = this.readValue(list, item, field.internalName === 'ID' ? 'ID' : name);
      if (field.type === 'User' || field.type === 'Lookup') {
        out[`${field.internalName}Id`] = value;
        if (field.type === 'User') out[`${field.internalName}StringId`] = value === null ? null : String(value);
      } else if (field.internalName === 'ID') {
        out.Id = item.id;
        out.ID = item.id;
      } else {
        out[field.internalName] = field.type === 'MultiChoice' ? (value ?? []) : value;
      }
    };
    if (shape.all) {
      out.FileSystemObjectType = 0;
      for (const f of list.fields) put(f.internalName);
    } else {
      for (const name of shape.fields) put(name);
    }
    for (const [name, subs] of shape.expand) {
      const field = findField(list, name) as FieldDef;
      const id = this.readValue(list, item, `${name}Id`);
      if (subs.size === 0 && !shape.all) continue;
      if (id === null || id === undefined) {
        out[name] = null;
        continue;
      }
      const expanded: Record<string, unknown> = {
        'odata.type': field.type === 'User' ? 'SP.Data.UserInfoItem' : entityName(this.store.listById(field.lookupListId ?? '') as ListDef)
      };
      for (const sub of subs.size ? subs : new Set(['Id', 'Title'])) {
        const key = sub === 'ID' ? 'Id' : sub;
        expanded[key] = this.readValue(list, item, `${name}/${sub}`);
      }
      out[name] = expanded;
    }
    return out;
  }

  private queryItems(req: SpRequest, list: ListDef): SpResponse {
    const shape = this.parseShape(req, list);
    const filterText = req.query.get('$filter');
    const filter: FilterNode | undefined = filterText ? parseFilter(filterText) : undefined;
    const orderText = req.query.get('$orderby') ?? '';
    const order = orderText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [path, dir] = s.split(/\s+/);
        if (dir && !/^(asc|desc)$/i.test(dir)) throw errors.badQuery(`The $orderby expression '${s}' is not valid.`);
        return { path, desc: /^desc$/i.test(dir ?? '') };
      });
    const topText = req.query.get('$top');
    const top = topText === null ? DEFAULT_TOP : Number(topText);
    if (!Number.isInteger(top) || top < 0) throw errors.badQuery(`The $top value '${topText}' is not valid.`);
    const pageSize = Math.min(top, MAX_TOP);

    // Unknown columns are a 400, whatever the list's size.
    const touched = [...(filter ? filterFields(filter) : []), ...order.map((o) => o.path)].map((p) => fieldForPath(list, p).field);
    const items = this.store.itemsOf(list);
    if (items.size > this.options.threshold && touched.some((f) => !f.indexed)) throw errors.throttled();

    let rows = [...items.values()].filter((it) => canReadItem(req.user, list, it));
    if (filter) rows = rows.filter((it) => evaluate(filter, (p) => this.readValue(list, it, p)));
    const sortKeys = [...order, { path: 'ID', desc: false }];
    rows.sort((a, b) => {
      for (const k of sortKeys) {
        const c = compareValues(this.readValue(list, a, k.path), this.readValue(list, b, k.path));
        if (c !== 0) return k.desc ? -c : c;
      }
      return 0;
    });

    // $skiptoken=Paged=TRUE&p_ID=<last id of the previous page> (Learn: "List item paging with $skiptoken").
    const skip = req.query.get('$skiptoken');
    let start = 0;
    if (skip) {
      const token = new URLSearchParams(skip);
      const lastId = Number(token.get('p_ID'));
      if (!Number.isInteger(lastId)) throw errors.badQuery(`The $skiptoken '${skip}' is not valid.`);
      const index = rows.findIndex((r) => r.id === lastId);
      start = index >= 0 ? index + 1 : rows.findIndex((r) => r.id > lastId);
      if (start < 0) start = rows.length;
    }
    const page = rows.slice(start, start + pageSize);
    const body: Record<string, unknown> = {
      'odata.metadata': `${this.options.siteUrl}/_api/$metadata#SP.ListData.${list.title.replace(/[^A-Za-z0-9]/g, '')}ListItems`,
      value: page.map((it) => this.itemJson(list, it, shape))
    };
    if (start + pageSize < rows.length && page.length > 0) {
      const next = new URLSearchParams(req.query);
      next.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].id}`);
      next.set('$top', String(pageSize));
      body['odata.nextLink'] = `${this.options.siteUrl}/_api/${req.path}?${next.toString().replace(/\+/g, '%20')}`;
    }
    return this.ok(body);
  }
}

interface ItemShape {
  all: boolean;
  fields: Set<string>;
  expand: Map<string, Set<string>>;
}
