/**
 * The route table: every REST call the stand-in answers, by method and path. List routes name
 * their list with {@link LIST}; the list is found (404) and checked (403) before the handler
 * runs, and an item is found and checked visible (404) the same way. The site, lists and items
 * share one set of permission routes (role assignments, inheritance, effective permissions).
 */
import type { ItemRec, ListDef } from '../store';
import { ok, unquote, type SpContext, type SpResponse } from './http';
import { ANY, route, type Params, type Route } from './router';
import { createFieldAsXml, fieldJson, listFields, namedField, updateField } from './fields';
import { addValidateUpdateItemUsingPath, validateUpdateListItem } from './formValues';
import {
  addGroupUser,
  createGroup,
  currentUserGroups,
  getGroup,
  groupUser,
  groupUsers,
  removeGroup,
  removeGroupUser,
  resolveGroup,
  setGroupOwner,
  siteGroups,
  updateGroup,
  userGroups
} from './groups';
import { addItem, changeItem, getItem, getItemsByCaml, itemVersions, queryItems, setComplianceTag, visibleItem } from './items';
import { allLists, createList, LIST, listJson, resolveList, updateList } from './lists';
import {
  allRoleDefinitions,
  createRoleDefinition,
  deleteRoleDefinition,
  getRoleDefinition,
  resolveRoleDefinition,
  updateRoleDefinition
} from './roleDefinitions';
import {
  breakInheritance,
  changeRoleAssignment,
  effectivePermissions,
  itemSecurable,
  listRoleAssignments,
  listSecurable,
  removePrincipal,
  resetInheritance,
  roleAssignmentOf,
  userEffectivePermissions,
  webSecurable,
  type Securable
} from './security';
import { contextInfo, currentUser, ensureUser, siteUser, siteUsers, userProfile, web } from './web';

type ListHandler = (ctx: SpContext, list: ListDef, params: Params) => SpResponse;
type ItemHandler = (ctx: SpContext, list: ListDef, item: ItemRec, params: Params) => SpResponse;

const QUOTED = String.raw`(?:[^']|'')*`;
const FIELD = String.raw`/fields/(?:getByInternalNameOrTitle|getByTitle)\('(?<field>${QUOTED})'\)`;
const ITEM = String.raw`/items\((?<itemId>\d+)\)`;
const GROUP = String.raw`web/(?:sitegroups(?:/getById)?\((?<groupId>\d+)\)|sitegroups/getByName\('(?<groupName>${QUOTED})'\)|associated(?<assoc>Owner|Member|Visitor)Group)`;
const ROLE_DEF = String.raw`web/roledefinitions(?:\((?<roleDefId>\d+)\)|/getById\((?<roleDefById>\d+)\)|/getbyname\('(?<roleDefName>${QUOTED})'\)|/getbytype\((?<roleType>\d+)\))`;

/** A route under a list: `LIST` followed by `rest`. */
const onList = (methods: string | string[], rest: string, handle: ListHandler): Route =>
  route(methods, `${LIST}${rest}`, (ctx, params) => handle(ctx, resolveList(ctx, params), params));

/** A route under an item the user can see. */
const onItem = (methods: string | string[], rest: string, handle: ItemHandler): Route =>
  onList(methods, `${ITEM}${rest}`, (ctx, list, params) => handle(ctx, list, visibleItem(ctx, list, Number(params.itemId)), params));

const onGroup = (
  methods: string | string[],
  rest: string,
  handle: (ctx: SpContext, group: ReturnType<typeof resolveGroup>, p: Params) => SpResponse
): Route => route(methods, `${GROUP}${rest}`, (ctx, params) => handle(ctx, resolveGroup(ctx, params), params));

const roleDef = (ctx: SpContext, p: Params) => resolveRoleDefinition(ctx, { ...p, roleDefId: p.roleDefId ?? p.roleDefById });

/** The permission routes of a securable object at `prefix`. */
function securityRoutes(prefix: string, securable: (ctx: SpContext, params: Params) => Securable): Route[] {
  const on = (methods: string | string[], rest: string, handle: (ctx: SpContext, target: Securable, p: Params) => SpResponse): Route =>
    route(methods, `${prefix}${rest}`, (ctx, params) => handle(ctx, securable(ctx, params), params));
  return [
    on(
      'POST',
      String.raw`/breakroleinheritance\((?:copyroleassignments=)?(?<copy>true|false)(?:,\s*(?:clearsubscopes=)?(?<clear>true|false))?\)`,
      (ctx, target, p) => breakInheritance(ctx, target, p.copy?.toLowerCase() === 'true', p.clear?.toLowerCase() === 'true')
    ),
    on('POST', '/resetroleinheritance', resetInheritance),
    on(
      'POST',
      String.raw`/roleassignments/(?<op>add|remove)roleassignment\(principalid=(?<principal>\d+),\s*roledefid=(?<roleDef>\d+)\)`,
      (ctx, t, p) => changeRoleAssignment(ctx, t, p.op?.toLowerCase() === 'add', Number(p.principal), Number(p.roleDef))
    ),
    on('GET', '/roleassignments', listRoleAssignments),
    on('GET', String.raw`/roleassignments(?:/getbyprincipalid\('?(?<principal>\d+)'?\)|\((?<principalById>\d+)\))`, (ctx, t, p) =>
      roleAssignmentOf(ctx, t, Number(p.principal ?? p.principalById))
    ),
    on('DELETE', String.raw`/roleassignments(?:/getbyprincipalid\('?(?<principal>\d+)'?\)|\((?<principalById>\d+)\))`, (ctx, t, p) =>
      removePrincipal(ctx, t, Number(p.principal ?? p.principalById))
    ),
    on('GET', '/hasuniqueroleassignments', (_ctx, t) => ok({ value: t.hasUnique() })),
    on('GET', '/EffectiveBasePermissions', effectivePermissions),
    on('GET', String.raw`/getusereffectivepermissions\((?:@user|'(?<login>${QUOTED})')\)`, (ctx, t, p) =>
      userEffectivePermissions(ctx, t, p.login !== undefined ? unquote(p.login) : (ctx.req.query.get('@user') ?? ''))
    )
  ];
}

export const ROUTES: readonly Route[] = [
  route('POST', 'contextinfo', contextInfo),

  // The site and its users.
  route(ANY, 'web', web),
  route(ANY, 'web/currentuser', currentUser),
  route(ANY, 'web/currentuser/groups', currentUserGroups),
  route('POST', 'web/ensureuser', ensureUser),
  route('GET', String.raw`sp\.userprofiles\.peoplemanager/getpropertiesfor\(@v\)`, userProfile),
  route(ANY, 'web/siteusers', siteUsers),
  route(ANY, String.raw`web/(?:siteusers|getuserbyid)\((?:getById\()?(?<userId>\d+)\)?\)?`, siteUser),
  route(ANY, String.raw`web/siteusers/getById\((?<userId>\d+)\)`, siteUser),
  route('GET', String.raw`web/siteusers/getByEmail\('(?<userEmail>${QUOTED})'\)`, siteUser),
  route('GET', String.raw`web/siteusers\('!@v::(?<userLogin>${QUOTED})'\)`, siteUser),
  route('GET', String.raw`web/(?:siteusers|getuserbyid)\((?<userId>\d+)\)/groups`, (ctx, p) => userGroups(ctx, Number(p.userId))),

  // SharePoint groups and their members.
  route('GET', 'web/sitegroups', siteGroups),
  route('POST', 'web/sitegroups', createGroup),
  route('POST', String.raw`web/sitegroups/removeById\('?(?<removeGroupId>\d+)'?\)`, (ctx, p) => removeGroup(ctx, Number(p.removeGroupId))),
  onGroup('GET', '', getGroup),
  onGroup('MERGE', '', updateGroup),
  onGroup('GET', '/users', groupUsers),
  onGroup('POST', '/users', addGroupUser),
  onGroup('GET', String.raw`/users/getById\((?<memberId>\d+)\)`, groupUser),
  onGroup('GET', String.raw`/users/getByEmail\('(?<memberEmail>${QUOTED})'\)`, groupUser),
  onGroup('GET', String.raw`/users\('!@v::(?<memberLogin>${QUOTED})'\)`, groupUser),
  onGroup('POST', String.raw`/users/removeById\((?<removeId>\d+)\)`, removeGroupUser),
  onGroup('POST', String.raw`/users/removeByLoginName\((?:'(?<removeLogin>${QUOTED})'|@v)\)`, removeGroupUser),
  onGroup('POST', String.raw`/SetUserAsOwner\((?<ownerId>\d+)\)`, (ctx, g, p) => setGroupOwner(ctx, g, Number(p.ownerId))),

  // Permission levels.
  route('GET', 'web/roledefinitions', allRoleDefinitions),
  route('POST', 'web/roledefinitions', createRoleDefinition),
  route('GET', ROLE_DEF, (ctx, p) => getRoleDefinition(ctx, roleDef(ctx, p))),
  route('MERGE', ROLE_DEF, (ctx, p) => updateRoleDefinition(ctx, roleDef(ctx, p))),
  route('DELETE', ROLE_DEF, (ctx, p) => deleteRoleDefinition(ctx, roleDef(ctx, p))),

  // Permissions on the site, a list, an item.
  ...securityRoutes('web', (ctx) => webSecurable(ctx)),
  ...securityRoutes(LIST, (ctx, p) => listSecurable(ctx, resolveList(ctx, p))),
  ...securityRoutes(`${LIST}${ITEM}`, (ctx, p) => {
    const list = resolveList(ctx, p);
    return itemSecurable(ctx, list, visibleItem(ctx, list, Number(p.itemId)));
  }),

  // Lists.
  route('GET', 'web/lists', allLists),
  route('POST', 'web/lists', createList),
  onList('GET', '', (ctx, list) => ok(listJson(ctx, list))),
  onList('MERGE', '', updateList),

  // Columns.
  onList('GET', '/fields', listFields),
  onList('POST', '/fields/createfieldasxml', createFieldAsXml),
  onList('GET', FIELD, (_ctx, list, p) => ok(fieldJson(namedField(list, unquote(p.field ?? '')), list))),
  onList('MERGE', FIELD, (ctx, list, p) => updateField(ctx, list, namedField(list, unquote(p.field ?? '')))),

  // Items.
  onList('GET', '/items', queryItems),
  onList('POST', '/items', addItem),
  onList('POST', String.raw`/GetItems(?:\(\))?`, getItemsByCaml),
  onList('POST', String.raw`/AddValidateUpdateItemUsingPath(?:\(\))?`, addValidateUpdateItemUsingPath),
  onItem('GET', '', getItem),
  onItem(['MERGE', 'DELETE'], '', changeItem),
  onItem('GET', '/versions', itemVersions),
  onItem('POST', '/validateupdatelistitem', validateUpdateListItem),
  onItem('POST', String.raw`/SetComplianceTag(?:\(\))?`, setComplianceTag)
];
