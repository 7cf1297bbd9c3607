/**
 * Contract tests: what a trust boundary can rely on, through unmodified PnPjs against the
 * SharePoint stand-in. Each behaviour names the Microsoft documentation (or, where Microsoft
 * documents nothing, the public report) it follows.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import { PermissionKind, type IBasePermissions } from '@pnp/sp/security';
import type { Workbench } from '../../webparts/server/app';
import { spAs, startTestWorkbench, statusOf, USERS } from './harness';

let wb: Workbench;
let owner: SPFI;
let priya: SPFI;
let tom: SPFI;
let jo: SPFI;
let reader: SPFI;

const GROUPS = { owners: 31, visitors: 32, members: 33, team: 34 } as const;
const ROLE = { fullControl: 1073741829, design: 1073741828, edit: 1073741830, contribute: 1073741827, read: 1073741826 } as const;
const login = (email: string): string => `i:0#.f|membership|${email}`;

/** A permission mask with exactly these permissions (SP.BasePermissions: bit = PermissionKind − 1). */
function maskOf(...kinds: PermissionKind[]): IBasePermissions {
  const mask = kinds.reduce((m, k) => m | (1n << BigInt(k - 1)), 0n);
  return { High: Number(mask >> 32n), Low: Number(mask & 0xffffffffn) };
}

const has = (sp: SPFI, perms: IBasePermissions, kind: PermissionKind): boolean => sp.web.hasPermissions(perms, kind);

/** A list for one test, made by the site owner. */
async function newList(title: string): Promise<void> {
  await owner.web.lists.add(title, '', 100);
}
const titles = async (sp: SPFI, list: string): Promise<string[]> =>
  (await sp.web.lists.getByTitle(list).items.select('Title').orderBy('Id')()).map((i) => i.Title as string);

beforeAll(async () => {
  wb = await startTestWorkbench();
  owner = spAs(wb, USERS.owner);
  priya = spAs(wb, USERS.priya);
  tom = spAs(wb, USERS.tom);
  jo = spAs(wb, USERS.jo);
  reader = spAs(wb, USERS.reader);
});
afterAll(async () => wb.close());

describe('permission levels (Learn: "SPPermissionGroup64 enumeration"; the Edit level "Can add, edit and delete lists; can view, add, update and delete list items")', () => {
  it('reports the built-in levels with SharePoint Online ids and role types', async () => {
    const defs = await owner.web.roleDefinitions.select('Id', 'Name', 'RoleTypeKind')();
    expect(defs.map((d) => [d.Name, d.Id, d.RoleTypeKind])).toEqual(
      expect.arrayContaining([
        ['Full Control', ROLE.fullControl, 5],
        ['Design', ROLE.design, 4],
        ['Edit', ROLE.edit, 6],
        ['Contribute', ROLE.contribute, 3],
        ['Read', ROLE.read, 2],
        ['Limited Access', 1073741825, 1]
      ])
    );
    expect((await owner.web.roleDefinitions.getByType(3)()).Name).toBe('Contribute');
    expect((await owner.web.roleDefinitions.getById(ROLE.read)()).Name).toBe('Read');
  });

  it('Contribute adds, edits and deletes items but cannot manage lists; Edit manages lists; neither overrides "own items only" — Design and Full Control do', async () => {
    const perms = async (id: number): Promise<IBasePermissions> => (await owner.web.roleDefinitions.getById(id)()).BasePermissions;
    const contribute = await perms(ROLE.contribute);
    const edit = await perms(ROLE.edit);
    const design = await perms(ROLE.design);
    for (const kind of [PermissionKind.AddListItems, PermissionKind.EditListItems, PermissionKind.DeleteListItems])
      expect(has(owner, contribute, kind)).toBe(true);
    expect(has(owner, contribute, PermissionKind.ManageLists)).toBe(false);
    expect(has(owner, edit, PermissionKind.ManageLists)).toBe(true);
    // "Override List Behaviors" is SP.PermissionKind.CancelCheckout.
    expect(has(owner, edit, PermissionKind.CancelCheckout)).toBe(false);
    expect(has(owner, design, PermissionKind.CancelCheckout)).toBe(true);
    const fullControl = await perms(ROLE.fullControl);
    for (const kind of [PermissionKind.ManagePermissions, PermissionKind.EnumeratePermissions, PermissionKind.CreateGroups])
      expect(has(owner, fullControl, kind)).toBe(true);
  });

  it('lets a site owner add a custom level with any combination of permissions, and read it back by name', async () => {
    const addOnly = maskOf(PermissionKind.ViewListItems, PermissionKind.AddListItems, PermissionKind.Open, PermissionKind.ViewFormPages);
    const { data } = await owner.web.roleDefinitions.add('Add only (contract)', 'View and add items; no edit or delete', 900, addOnly);
    const read = await owner.web.roleDefinitions.getByName('Add only (contract)')();
    expect(read.Id).toBe(data.Id);
    expect(has(owner, read.BasePermissions, PermissionKind.AddListItems)).toBe(true);
    expect(has(owner, read.BasePermissions, PermissionKind.EditListItems)).toBe(false);
    expect(has(owner, read.BasePermissions, PermissionKind.DeleteListItems)).toBe(false);
  });

  it('refuses anyone without Manage Permissions creating or changing a level (403), and refuses changing Full Control', async () => {
    expect(await statusOf(jo.web.roleDefinitions.add('Mine', '', 1, maskOf(PermissionKind.ViewListItems)))).toBe(403);
    // PnPjs's RoleDefinition.update needs BasePermissions in every call.
    const change = { Description: 'changed', BasePermissions: maskOf(PermissionKind.ViewListItems) };
    expect(await statusOf(priya.web.roleDefinitions.getById(ROLE.read).update(change))).toBe(403);
    expect(await statusOf(owner.web.roleDefinitions.getById(ROLE.fullControl).update(change))).toBe(400);
    expect((await owner.web.roleDefinitions.getById(ROLE.read)()).Description).not.toBe('changed');
    expect(await statusOf(owner.web.roleDefinitions.getByName('No such level')())).toBe(404);
  });
});

describe('a list where leads add but cannot edit or delete (custom level with Add Items and View Items only)', () => {
  let addOnlyId: number;
  beforeAll(async () => {
    await newList('Add only');
    const { data } = await owner.web.roleDefinitions.add(
      'Add without edit',
      'View and add items',
      901,
      maskOf(
        PermissionKind.ViewListItems,
        PermissionKind.AddListItems,
        PermissionKind.OpenItems,
        PermissionKind.Open,
        PermissionKind.ViewFormPages
      )
    );
    addOnlyId = data.Id as number;
    const list = owner.web.lists.getByTitle('Add only');
    await list.breakRoleInheritance(false, false);
    await list.roleAssignments.add(GROUPS.owners, ROLE.fullControl);
    await list.roleAssignments.add(GROUPS.members, addOnlyId);
  });

  it('lets a member add an entry and read it, and refuses their edit and delete (403)', async () => {
    const list = priya.web.lists.getByTitle('Add only');
    const added = await list.items.add({ Title: 'Submitted' });
    expect(await titles(priya, 'Add only')).toContain('Submitted');
    expect(await statusOf(list.items.getById(added.Id as number).update({ Title: 'Accepted' }))).toBe(403);
    expect(await statusOf(list.items.getById(added.Id as number).delete())).toBe(403);
    expect(await statusOf(list.items.getById(added.Id as number).validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'x' }]))).toBe(
      403
    );
    expect((await list.items.getById(added.Id as number)()).Title).toBe('Submitted');
  });

  it('says so in the effective permissions PnPjs reads (currentUserHasPermissions)', async () => {
    const list = priya.web.lists.getByTitle('Add only');
    expect(await list.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(true);
    expect(await list.currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
    expect(
      await owner.web.lists.getByTitle('Add only').userHasPermissions(login('priya.shah@sample.nhs.uk'), PermissionKind.DeleteListItems)
    ).toBe(false);
  });

  it('shows who holds which level, with the bindings expanded (Enumerate Permissions: owners only)', async () => {
    const roles = await owner.web.lists.getByTitle('Add only').roleAssignments.expand('Member', 'RoleDefinitionBindings')();
    const members = roles.find((r) => r.PrincipalId === GROUPS.members) as unknown as {
      Member: { Title: string };
      RoleDefinitionBindings: Array<{ Name: string }>;
    };
    expect(members.Member.Title).toBe('Involvement Planner Members');
    expect(members.RoleDefinitionBindings.map((b) => b.Name)).toEqual(['Add without edit']);
    // Without $expand, JSON light leaves navigation properties out.
    const plain = await owner.web.lists.getByTitle('Add only').roleAssignments();
    expect(plain[0]).not.toHaveProperty('RoleDefinitionBindings');
    expect(await statusOf(jo.web.lists.getByTitle('Add only').roleAssignments())).toBe(403);
  });

  it('deleting the level removes the access it gave', async () => {
    await owner.web.roleDefinitions.getById(addOnlyId).delete();
    expect(await statusOf(priya.web.lists.getByTitle('Add only').items())).toBe(403);
  });
});

describe('item-level permissions (Learn: "SecurableObject.BreakRoleInheritance method"; "Set custom permissions on a list by using the REST interface")', () => {
  let secretId: number;
  beforeAll(async () => {
    await newList('Items with their own permissions');
    const list = owner.web.lists.getByTitle('Items with their own permissions');
    await priya.web.lists.getByTitle('Items with their own permissions').items.add({ Title: 'Open to all' });
    secretId = (await priya.web.lists.getByTitle('Items with their own permissions').items.add({ Title: 'Secret' })).Id as number;
    // Without copying, "the collection of role assignments must contain only 1 role assignment containing the current user".
    await list.items.getById(secretId).breakRoleInheritance(false, false);
  });

  it('after breaking inheritance without copying, only the caller has access', async () => {
    const item = owner.web.lists.getByTitle('Items with their own permissions').items.getById(secretId);
    const roles = await item.roleAssignments.expand('RoleDefinitionBindings')();
    expect(roles.map((r) => r.PrincipalId)).toEqual([USERS.owner]);
    expect((await item.select('HasUniqueRoleAssignments')()).HasUniqueRoleAssignments).toBe(true);
  });

  it('hides the item from anyone without rights on it: not in queries, 404 by id, 404 on update or delete — even its author', async () => {
    expect(await titles(priya, 'Items with their own permissions')).toEqual(['Open to all']);
    expect(await titles(jo, 'Items with their own permissions')).toEqual(['Open to all']);
    const mine = priya.web.lists.getByTitle('Items with their own permissions').items.getById(secretId);
    expect(await statusOf(mine())).toBe(404);
    expect(await statusOf(mine.update({ Title: 'changed' }))).toBe(404);
    expect(await statusOf(mine.delete())).toBe(404);
    expect(await statusOf(mine.roleAssignments())).toBe(404);
  });

  it('a Read assignment on the item lets that user see it but not change it (403)', async () => {
    await owner.web.lists.getByTitle('Items with their own permissions').items.getById(secretId).roleAssignments.add(USERS.tom, ROLE.read);
    expect(await titles(tom, 'Items with their own permissions')).toEqual(['Open to all', 'Secret']);
    expect(await titles(priya, 'Items with their own permissions')).toEqual(['Open to all']);
    expect(
      await statusOf(tom.web.lists.getByTitle('Items with their own permissions').items.getById(secretId).update({ Title: 'x' }))
    ).toBe(403);
    const perms = await tom.web.lists
      .getByTitle('Items with their own permissions')
      .items.getById(secretId)
      .getCurrentUserEffectivePermissions();
    expect(has(tom, perms, PermissionKind.ViewListItems)).toBe(true);
    expect(has(tom, perms, PermissionKind.EditListItems)).toBe(false);
  });

  it('a group assignment on the item reaches its members', async () => {
    await owner.web.lists
      .getByTitle('Items with their own permissions')
      .items.getById(secretId)
      .roleAssignments.add(GROUPS.team, ROLE.contribute);
    await jo.web.lists.getByTitle('Items with their own permissions').items.getById(secretId).update({ Title: 'Secret (team)' });
    expect(await titles(jo, 'Items with their own permissions')).toEqual(['Open to all', 'Secret (team)']);
  });

  it('gives Limited Access up to the list: someone with rights only on one item opens the list and sees only that item', async () => {
    await newList('Private list');
    const list = owner.web.lists.getByTitle('Private list');
    await list.breakRoleInheritance(false, false);
    const shared = (await list.items.add({ Title: 'Shared with the reader' })).Id as number;
    await list.items.add({ Title: 'Not shared' });
    expect(await statusOf(reader.web.lists.getByTitle('Private list').items())).toBe(403);
    await list.items.getById(shared).breakRoleInheritance(true, false);
    await list.items.getById(shared).roleAssignments.add(USERS.reader, ROLE.read);
    expect(await titles(reader, 'Private list')).toEqual(['Shared with the reader']);
  });

  it('refuses a member breaking inheritance or granting access on their own item (Manage Permissions: 403)', async () => {
    const own = (await priya.web.lists.getByTitle('Items with their own permissions').items.add({ Title: 'Mine' })).Id as number;
    const item = priya.web.lists.getByTitle('Items with their own permissions').items.getById(own);
    expect(await statusOf(item.breakRoleInheritance(false, false))).toBe(403);
    expect(await statusOf(item.roleAssignments.add(USERS.tom, ROLE.contribute))).toBe(403);
  });

  it('refuses adding an assignment to an item that still inherits ("This operation is not allowed on an object that inherits permissions.")', async () => {
    const inherits = (await owner.web.lists.getByTitle('Items with their own permissions').items.add({ Title: 'Inherits' })).Id as number;
    expect(
      await statusOf(
        owner.web.lists.getByTitle('Items with their own permissions').items.getById(inherits).roleAssignments.add(USERS.tom, ROLE.read)
      )
    ).toBe(400);
  });

  it('resetRoleInheritance makes the item follow the list again', async () => {
    await owner.web.lists.getByTitle('Items with their own permissions').items.getById(secretId).resetRoleInheritance();
    expect(await titles(priya, 'Items with their own permissions')).toContain('Secret (team)');
  });
});

describe('item-level permissions of a list ("read/edit items that were created by the user"; Learn: "ReadSecurity element", "WriteSecurity element")', () => {
  beforeAll(async () => {
    await newList('Own items only');
    const list = owner.web.lists.getByTitle('Own items only');
    await list.breakRoleInheritance(true, false);
    await list.roleAssignments.add(GROUPS.team, ROLE.edit);
    await list.update({ ReadSecurity: 2, WriteSecurity: 2 });
    await priya.web.lists.getByTitle('Own items only').items.add({ Title: "Priya's" });
    await tom.web.lists.getByTitle('Own items only').items.add({ Title: "Tom's" });
  });

  it('binds Edit as well as Contribute: "Users with the Cancel Checkout permission can read and edit all items", and Edit lacks it', async () => {
    expect(await titles(jo, 'Own items only')).toEqual([]);
    await owner.web.lists.getByTitle('Own items only').roleAssignments.add(GROUPS.team, ROLE.design);
    expect(await titles(jo, 'Own items only')).toEqual(["Priya's", "Tom's"]);
    const priyas = (await jo.web.lists.getByTitle('Own items only').items.filter("Title eq 'Priya''s'")())[0].Id as number;
    await jo.web.lists.getByTitle('Own items only').items.getById(priyas).update({ Title: "Priya's (reviewed)" });
  });

  it("applies to deleting as to editing: a contributor cannot delete someone else's item they can read", async () => {
    await owner.web.lists.getByTitle('Own items only').update({ ReadSecurity: 1 });
    const toms = (await priya.web.lists.getByTitle('Own items only').items.filter("Title eq 'Tom''s'")())[0].Id as number;
    expect(await statusOf(priya.web.lists.getByTitle('Own items only').items.getById(toms).delete())).toBe(403);
    expect(await statusOf(priya.web.lists.getByTitle('Own items only').items.getById(toms).update({ Title: 'x' }))).toBe(403);
  });

  it('"Create and Edit access: None" (WriteSecurity 4) stops adding too', async () => {
    await owner.web.lists.getByTitle('Own items only').update({ WriteSecurity: 4 });
    expect(await statusOf(priya.web.lists.getByTitle('Own items only').items.add({ Title: 'new' }))).toBe(403);
    await owner.web.lists.getByTitle('Own items only').update({ WriteSecurity: 2 });
  });

  it('counts every item in ItemCount, including those the caller cannot read', async () => {
    await owner.web.lists.getByTitle('Own items only').update({ ReadSecurity: 2 });
    expect(await titles(priya, 'Own items only')).toHaveLength(1);
    expect((await priya.web.lists.getByTitle('Own items only').select('ItemCount')()).ItemCount).toBe(2);
  });
});

describe('Created By, Modified By, Created, Modified (Learn: "Working with lists and list items with REST")', () => {
  let id: number;
  beforeAll(async () => {
    await newList('Who did what');
    id = (await priya.web.lists.getByTitle('Who did what').items.add({ Title: 'Entry' })).Id as number;
  });

  it('are set by the server on add and update, and read as AuthorId/EditorId or expanded with Title and EMail', async () => {
    await jo.web.lists.getByTitle('Who did what').items.getById(id).update({ Title: 'Entry (edited)' });
    const item = await priya.web.lists
      .getByTitle('Who did what')
      .items.getById(id)
      .select('AuthorId', 'EditorId', 'Created', 'Modified', 'Author/Title', 'Author/EMail', 'Editor/Title', 'Editor/EMail')
      .expand('Author', 'Editor')();
    expect(item).toMatchObject({
      AuthorId: USERS.priya,
      EditorId: USERS.jo,
      Author: { Title: 'Priya Shah (Sample)', EMail: 'priya.shah@sample.nhs.uk' },
      Editor: { Title: 'Jo Bennett (Sample)', EMail: 'jo.bennett@sample.nhs.uk' }
    });
    expect(Date.parse(item.Modified as string)).toBeGreaterThanOrEqual(Date.parse(item.Created as string));
  });

  it('cannot be written through a plain REST add or update: refused (400), nothing changes', async () => {
    const list = priya.web.lists.getByTitle('Who did what');
    for (const forged of [
      { AuthorId: USERS.jo },
      { EditorId: USERS.jo },
      { Created: '2020-01-01T00:00:00Z' },
      { Modified: '2020-01-01T00:00:00Z' }
    ]) {
      expect(await statusOf(list.items.add({ Title: 'Forged', ...forged }))).toBe(400);
      expect(await statusOf(list.items.getById(id).update(forged))).toBe(400);
    }
    expect(await titles(owner, 'Who did what')).toEqual(['Entry (edited)']);
    expect((await list.items.getById(id).select('AuthorId')()).AuthorId).toBe(USERS.priya);
  });

  it('CAN be written by anyone who may edit the item, through validateUpdateListItem (sp-dev-docs issue 6333; pnpjs issue 3265)', async () => {
    const item = priya.web.lists.getByTitle('Who did what').items.getById(id);
    const result = await item.validateUpdateListItem([
      { FieldName: 'Author', FieldValue: JSON.stringify([{ Key: login('jo.bennett@sample.nhs.uk') }]) },
      { FieldName: 'Editor', FieldValue: JSON.stringify([{ Key: login('jo.bennett@sample.nhs.uk') }]) },
      { FieldName: 'Created', FieldValue: '01/02/2026 09:30' }
    ]);
    expect(result.every((r) => !r.HasException)).toBe(true);
    const after = await owner.web.lists.getByTitle('Who did what').items.getById(id).select('AuthorId', 'EditorId', 'Created')();
    expect(after).toMatchObject({ AuthorId: USERS.jo, EditorId: USERS.jo, Created: '2026-02-01T09:30:00Z' });
  });

  it('CAN be set at creation by anyone who may add items, through AddValidateUpdateItemUsingPath (assumed, as for updates)', async () => {
    const result = await tom.web.lists.getByTitle('Who did what').addValidateUpdateItemUsingPath(
      [
        { FieldName: 'Title', FieldValue: 'Accepted by the team' },
        { FieldName: 'Author', FieldValue: `[{'Key':'${login('jo.bennett@sample.nhs.uk')}'}]` }
      ],
      '/sites/involvement/Lists/Who did what'
    );
    const newId = Number(result.find((r) => r.FieldName === 'Id')?.FieldValue);
    expect((await owner.web.lists.getByTitle('Who did what').items.getById(newId).select('AuthorId', 'EditorId')()).AuthorId).toBe(
      USERS.jo
    );
  });

  it('validateUpdateListItem reports a bad value per field and commits nothing', async () => {
    const result = await priya.web.lists
      .getByTitle('Who did what')
      .items.getById(id)
      .validateUpdateListItem([
        { FieldName: 'Title', FieldValue: 'Should not stick' },
        { FieldName: 'Author', FieldValue: "[{'Key':'i:0#.f|membership|nobody@sample.nhs.uk'}]" }
      ]);
    expect(result.find((r) => r.FieldName === 'Author')).toMatchObject({ HasException: true });
    expect((await owner.web.lists.getByTitle('Who did what').items.getById(id)()).Title).toBe('Entry (edited)');
  });

  it('someone who may manage the list can make Created By writable (ReadOnlyField) and then write AuthorId with plain REST', async () => {
    expect(
      await statusOf(priya.web.lists.getByTitle('Who did what').fields.getByInternalNameOrTitle('Author').update({ ReadOnlyField: false }))
    ).toBe(403);
    await owner.web.lists.getByTitle('Who did what').fields.getByInternalNameOrTitle('Author').update({ ReadOnlyField: false });
    await owner.web.lists.getByTitle('Who did what').items.getById(id).update({ AuthorId: USERS.tom });
    expect((await owner.web.lists.getByTitle('Who did what').items.getById(id).select('AuthorId')()).AuthorId).toBe(USERS.tom);
    await owner.web.lists.getByTitle('Who did what').fields.getByInternalNameOrTitle('Author').update({ ReadOnlyField: true });
  });
});

describe('SharePoint groups and their membership (Learn: "SP.Group object": AllowMembersEditMembership, CanCurrentUserEditMembership)', () => {
  const team = (sp: SPFI) => sp.web.siteGroups.getByName('Involvement team');

  it('refuses a member who is not the group owner adding or removing members (403), and changes nothing', async () => {
    expect(await statusOf(team(priya).users.add(login('priya.shah@sample.nhs.uk')))).toBe(403);
    expect(await statusOf(team(jo).users.add(login('tom.hughes@sample.nhs.uk')))).toBe(403);
    expect(await statusOf(team(jo).users.removeById(USERS.jo))).toBe(403);
    expect(await statusOf(team(priya).users.removeByLoginName(login('jo.bennett@sample.nhs.uk')))).toBe(403);
    expect((await team(owner).users()).map((u) => u.Id)).toEqual([USERS.jo]);
    expect(await team(priya).select('CanCurrentUserEditMembership')<{ CanCurrentUserEditMembership: boolean }>()).toMatchObject({
      CanCurrentUserEditMembership: false
    });
  });

  it('lets the owning group (site owners) add and remove members, and the change is a permission change at once', async () => {
    await owner.web.lists.add('Team list', '', 100);
    await owner.web.lists.getByTitle('Team list').breakRoleInheritance(false, false);
    await owner.web.lists.getByTitle('Team list').roleAssignments.add(GROUPS.team, ROLE.edit);
    expect(await statusOf(tom.web.lists.getByTitle('Team list').items())).toBe(403);
    await team(owner).users.add(login('tom.hughes@sample.nhs.uk'));
    expect((await tom.web.currentUser.groups()).map((g) => g.Title)).toContain('Involvement team');
    expect(await tom.web.lists.getByTitle('Team list').items()).toEqual([]);
    await team(owner).users.removeById(USERS.tom);
    expect(await statusOf(tom.web.lists.getByTitle('Team list').items())).toBe(403);
  });

  it('lets members edit the membership only when the group allows it (AllowMembersEditMembership), and only the owner may allow it', async () => {
    expect(await statusOf(team(jo).update({ AllowMembersEditMembership: true }))).toBe(403);
    await team(owner).update({ AllowMembersEditMembership: true });
    await team(jo).users.add(login('tom.hughes@sample.nhs.uk'));
    expect(await statusOf(team(priya).users.add(login('priya.shah@sample.nhs.uk')))).toBe(403);
    await team(jo).users.removeByLoginName(login('tom.hughes@sample.nhs.uk'));
    await team(owner).update({ AllowMembersEditMembership: false });
    expect((await team(owner).users()).map((u) => u.Id)).toEqual([USERS.jo]);
  });

  it('creates a group only with Create Groups (site owners); the creator owns it', async () => {
    expect(await statusOf(jo.web.siteGroups.add({ Title: 'Reviewers' }))).toBe(403);
    const created = await owner.web.siteGroups.add({ Title: 'Reviewers' });
    const group = await owner.web.siteGroups.getById(created.Id as number).select('Id', 'Title', 'OwnerTitle')();
    expect(group).toMatchObject({ Title: 'Reviewers', OwnerTitle: 'Sam Okafor (Sample)' });
    await owner.web.siteGroups.getById(created.Id as number).setUserAsOwner(USERS.jo);
    await jo.web.siteGroups.getById(created.Id as number).users.add(login('tom.hughes@sample.nhs.uk'));
    expect((await owner.web.siteGroups.getById(created.Id as number).users()).map((u) => u.Id)).toEqual([USERS.tom]);
  });
});

describe('effective permissions (Learn: "SP.PermissionKind"; PnPjs currentUserHasPermissions)', () => {
  it('reports each person’s permissions on the site', async () => {
    expect(await owner.web.currentUserHasPermissions(PermissionKind.ManagePermissions)).toBe(true);
    expect(await priya.web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(true);
    expect(await priya.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    expect(await reader.web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);
    expect(await statusOf(priya.web.getUserEffectivePermissions(login('tom.hughes@sample.nhs.uk')))).toBe(403);
  });

  it('reports edit rights per item where a list lets people edit only their own items', async () => {
    await newList('Per item');
    await owner.web.lists.getByTitle('Per item').update({ WriteSecurity: 2 });
    const mine = (await priya.web.lists.getByTitle('Per item').items.add({ Title: 'mine' })).Id as number;
    const theirs = (await tom.web.lists.getByTitle('Per item').items.add({ Title: 'theirs' })).Id as number;
    const rows = await priya.web.lists.getByTitle('Per item').items.select('Id', 'EffectiveBasePermissions')();
    const canEdit = (itemId: number): boolean =>
      has(priya, rows.find((r) => r.Id === itemId)?.EffectiveBasePermissions as IBasePermissions, PermissionKind.EditListItems);
    expect(canEdit(mine)).toBe(true);
    expect(canEdit(theirs)).toBe(false);
  });
});
