/**
 * The route table: every REST call the stand-in answers, by method and path. List routes name
 * their list with {@link LIST}; the list is found (404) and checked readable (403) before the
 * handler runs.
 */
import type { ListDef } from '../store';
import { ok, unquote, type SpContext, type SpResponse } from './http';
import { ANY, route, type Params, type Route } from './router';
import { createFieldAsXml, fieldJson, listFields, namedField, updateField } from './fields';
import { addItem, changeItem, getItem, queryItems, visibleItem } from './items';
import { allLists, createList, LIST, listJson, resolveList, updateList } from './lists';
import { breakListInheritance, changeListRoleAssignment, listRoleAssignments } from './permissions';
import { contextInfo, currentUser, currentUserGroups, siteGroup, siteGroups, siteUser, siteUsers, web } from './web';

type ListHandler = (ctx: SpContext, list: ListDef, params: Params) => SpResponse;

/** A route under a list: `LIST` followed by `rest`. */
const onList = (methods: string | string[], rest: string, handle: ListHandler): Route =>
  route(methods, `${LIST}${rest}`, (ctx, params) => handle(ctx, resolveList(ctx, params), params));

const FIELD = String.raw`/fields/(?:getByInternalNameOrTitle|getByTitle)\('(?<field>(?:[^']|'')*)'\)`;
const ITEM = String.raw`/items\((?<itemId>\d+)\)`;

export const ROUTES: readonly Route[] = [
  route('POST', 'contextinfo', contextInfo),

  // The site, its users and groups.
  route(ANY, 'web', web),
  route(ANY, 'web/currentuser', currentUser),
  route(ANY, 'web/currentuser/groups', currentUserGroups),
  route(ANY, 'web/siteusers', siteUsers),
  route(
    ANY,
    String.raw`web/(?:siteusers|getuserbyid)\((?:getById\()?(?<userId>\d+)\)?\)?|web/siteusers/getById\((?<userId2>\d+)\)`,
    (ctx, p) => siteUser(ctx, { userId: p.userId ?? p.userId2 })
  ),
  route(ANY, 'web/sitegroups', siteGroups),
  route(
    ANY,
    String.raw`web/(?:sitegroups/getById\((?<groupId>\d+)\)|sitegroups/getByName\('(?<groupName>[^']*)'\)|associated(?<assoc>Owner|Member|Visitor)Group)(?<users>/users)?`,
    siteGroup
  ),

  // Lists.
  route('GET', 'web/lists', allLists),
  route('POST', 'web/lists', createList),
  onList('GET', '', (ctx, list) => ok(listJson(ctx, list))),
  onList('MERGE', '', updateList),

  // Permissions on a list.
  onList('POST', String.raw`/breakroleinheritance\(copyroleassignments=(?<copy>true|false),\s*clearsubscopes=(?:true|false)\)`, (ctx, list, p) =>
    breakListInheritance(ctx, list, p.copy?.toLowerCase() === 'true')
  ),
  onList('POST', String.raw`/roleassignments/(?<op>add|remove)roleassignment\(principalid=(?<principal>\d+),\s*roledefid=(?<roleDef>\d+)\)`, (ctx, list, p) =>
    changeListRoleAssignment(ctx, list, p.op?.toLowerCase() === 'add', Number(p.principal), Number(p.roleDef))
  ),
  onList('GET', '/hasuniqueroleassignments', (_ctx, list) => ok({ value: list.hasUniqueRoleAssignments })),
  onList('GET', '/roleassignments', listRoleAssignments),

  // Columns.
  onList('GET', '/fields', listFields),
  onList('POST', '/fields/createfieldasxml', createFieldAsXml),
  onList('GET', FIELD, (_ctx, list, p) => ok(fieldJson(namedField(list, unquote(p.field ?? '')), list))),
  onList('MERGE', FIELD, (ctx, list, p) => updateField(ctx, list, namedField(list, unquote(p.field ?? '')))),

  // Items.
  onList('GET', '/items', queryItems),
  onList('POST', '/items', addItem),
  onList('GET', ITEM, (ctx, list, p) => getItem(ctx, list, visibleItem(ctx, list, Number(p.itemId)))),
  onList(['MERGE', 'DELETE'], ITEM, (ctx, list, p) => changeItem(ctx, list, visibleItem(ctx, list, Number(p.itemId))))
];
