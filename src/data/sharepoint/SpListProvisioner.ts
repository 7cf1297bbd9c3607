import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/security/list';
import '@pnp/sp/security/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import type { ListProvisioner, MissingPiece, ProvisioningReport } from '../../domain';
import { dataCall } from '../http';
import {
  ADD_ONLY_ROLE,
  fieldSchemaXml,
  INVOLVEMENT_TEAM_GROUP_NAME,
  LIST_DEFINITIONS,
  LIST_PERMISSIONS,
  RESTRICT,
  ROLE_DEFINITION,
  type ListDefinition,
  type SiteField
} from './lists';

/** SP.AddFieldOptions.AddFieldInternalNameHint: keep our internal name. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;

interface ListSecurity {
  HasUniqueRoleAssignments: boolean;
  WriteSecurity: number;
  ReadSecurity: number;
}
interface RoleAssignment {
  PrincipalId: number;
  RoleDefinitionBindings: Array<{ Id: number }>;
}

/**
 * Checks and creates the product's lists, columns and indexes with PnPjs. It reads what exists
 * first and creates only what is missing — unlike PnPjs `lists.ensure`, which takes any error
 * (a 429, a 403) for "missing" and tries to create the list. Running it twice changes nothing.
 */
export class SpListProvisioner implements ListProvisioner {
  /** `otherUsersCanRead` false: people see only their own plans (the team still sees all). */
  public constructor(
    private readonly sp: SPFI,
    private readonly otherUsersCanRead = true
  ) {}

  public async check(): Promise<ProvisioningReport> {
    const { report } = await this.inspect();
    return report;
  }

  public async ensure(): Promise<ProvisioningReport> {
    const { listIds, fieldsByList } = await this.inspect();
    await dataCall('Setting up lists', async () => {
      for (const def of LIST_DEFINITIONS) {
        if (!listIds.has(def.title)) {
          const created = await this.sp.web.lists.add(
            def.title,
            def.description,
            100,
            false,
            def.versioning ? { EnableVersioning: true } : {}
          );
          listIds.set(def.title, created.Id as string);
          fieldsByList.set(def.title, new Map());
        }
        await this.ensureColumns(def, listIds, fieldsByList.get(def.title) ?? new Map());
        if (def.versioning && !(await this.versioningOn(def)))
          await this.sp.web.lists.getByTitle(def.title).update({ EnableVersioning: true });
      }
      const team = await this.teamGroupId();
      if (team !== undefined) {
        const addOnly = await this.addOnlyRoleId(true);
        for (const def of LIST_DEFINITIONS) await this.ensurePermissions(def, team, addOnly);
      }
    });
    return this.check();
  }

  private async ensureColumns(def: ListDefinition, listIds: Map<string, string>, existing: Map<string, SiteField>): Promise<void> {
    const list = this.sp.web.lists.getByTitle(def.title);
    for (const column of def.columns) {
      const found = existing.get(column.internalName);
      if (!found) {
        const lookupId = column.lookupList
          ? listIds.get(LIST_DEFINITIONS.find((l) => l.key === column.lookupList)?.title ?? '')
          : undefined;
        await list.fields.createFieldAsXml({ SchemaXml: fieldSchemaXml(column, lookupId), Options: ADD_FIELD_INTERNAL_NAME_HINT });
        continue;
      }
      if (found.TypeAsString !== column.type) continue;
      if (column.indexed && !found.Indexed)
        await list.fields.getByInternalNameOrTitle(column.internalName).update({ Indexed: true }, 'SP.Field');
      if (column.restrictDelete && found.RelationshipDeleteBehavior !== RESTRICT)
        await list.fields.getByInternalNameOrTitle(column.internalName).update({ RelationshipDeleteBehavior: RESTRICT }, 'SP.FieldLookup');
    }
  }

  /** Whether the list keeps versions (SP.List.EnableVersioning). */
  private async versioningOn(def: ListDefinition): Promise<boolean> {
    const list = await this.sp.web.lists.getByTitle(def.title).select('EnableVersioning')<{ EnableVersioning: boolean }>();
    return list.EnableVersioning === true;
  }

  private async teamGroupId(): Promise<number | undefined> {
    const groups = await this.sp.web.siteGroups.select('Id', 'Title')<Array<{ Id: number; Title: string }>>();
    return groups.find((g) => g.Title === INVOLVEMENT_TEAM_GROUP_NAME)?.Id;
  }

  /** The read and write settings a list should have. */
  private wanted(def: ListDefinition): { write: number; read: number } {
    const leads = LIST_PERMISSIONS[def.key] === 'leadsOwnItems';
    return { write: leads ? 2 : 1, read: def.key === 'plans' && !this.otherUsersCanRead ? 2 : 1 };
  }

  /** The id of the "add and read" permission level, created if `create` and it is missing. */
  private async addOnlyRoleId(create: boolean): Promise<number | undefined> {
    const defs = await this.sp.web.roleDefinitions.select('Id', 'Name')<Array<{ Id: number; Name: string }>>();
    const found = defs.find((d) => d.Name === ADD_ONLY_ROLE.name);
    if (found || !create) return found?.Id;
    const added = await this.sp.web.roleDefinitions.add(ADD_ONLY_ROLE.name, ADD_ONLY_ROLE.description, 1000, ADD_ONLY_ROLE.basePermissions);
    return (added.data as { Id: number }).Id;
  }

  /**
   * Exactly who holds what on a list with its own permissions (principal → permission level), or
   * undefined for "leads edit own items" lists, which keep the site's access plus the team's Design.
   */
  private async exactAssignments(
    def: ListDefinition,
    teamId: number,
    addOnly: number | undefined
  ): Promise<Map<number, number> | undefined> {
    const kind = LIST_PERMISSIONS[def.key];
    if (kind === 'leadsOwnItems') return undefined;
    const { owners, members, visitors } = await this.siteGroups();
    if (kind === 'ownersOnly') return new Map([[owners, ROLE_DEFINITION.fullControl]]);
    const adds = addOnly ?? -1;
    const roles: Record<typeof kind, [number, number]> = {
      // [site members, the involvement team]
      teamOnly: [ROLE_DEFINITION.read, ROLE_DEFINITION.edit],
      addOnly: [adds, adds],
      teamAddsOnly: [ROLE_DEFINITION.read, adds]
    };
    const [memberRole, teamRole] = roles[kind];
    return new Map([
      [owners, ROLE_DEFINITION.fullControl],
      [members, memberRole],
      [visitors, ROLE_DEFINITION.read],
      [teamId, teamRole]
    ]);
  }

  private async assignments(def: ListDefinition): Promise<RoleAssignment[]> {
    return this.sp.web.lists.getByTitle(def.title).roleAssignments.expand('RoleDefinitionBindings')<RoleAssignment[]>();
  }

  private async permissionsMissing(def: ListDefinition, teamId: number, addOnly: number | undefined): Promise<boolean> {
    const list = this.sp.web.lists.getByTitle(def.title);
    const security = await list.select('HasUniqueRoleAssignments', 'WriteSecurity', 'ReadSecurity')<ListSecurity>();
    if (!security.HasUniqueRoleAssignments) return true;
    const wanted = this.wanted(def);
    if (security.WriteSecurity !== wanted.write || security.ReadSecurity !== wanted.read) return true;
    const roles = await this.assignments(def);
    const exact = await this.exactAssignments(def, teamId, addOnly);
    if (!exact)
      return !roles.some((r) => r.PrincipalId === teamId && r.RoleDefinitionBindings.some((b) => b.Id === ROLE_DEFINITION.design));
    // Exactly the wanted principals, each with exactly its one level: no one else can write.
    if (roles.some((r) => !exact.has(r.PrincipalId))) return true;
    return [...exact].some(([principal, role]) => {
      const held = roles.find((r) => r.PrincipalId === principal)?.RoleDefinitionBindings.map((b) => b.Id) ?? [];
      return held.length !== 1 || held[0] !== role;
    });
  }

  private groupIds?: Promise<{ owners: number; members: number; visitors: number }>;

  /** The site's owners, members and visitors groups (read once). */
  private siteGroups(): Promise<{ owners: number; members: number; visitors: number }> {
    this.groupIds ??= Promise.all([
      this.sp.web.associatedOwnerGroup<{ Id: number }>(),
      this.sp.web.associatedMemberGroup<{ Id: number }>(),
      this.sp.web.associatedVisitorGroup<{ Id: number }>()
    ]).then(([o, m, v]) => ({ owners: o.Id, members: m.Id, visitors: v.Id }));
    this.groupIds.catch(() => {
      this.groupIds = undefined;
    });
    return this.groupIds;
  }

  private async ownersId(): Promise<number> {
    return (await this.sp.web.associatedOwnerGroup<{ Id: number }>()).Id;
  }

  private async ensurePermissions(def: ListDefinition, teamId: number, addOnly: number | undefined): Promise<void> {
    if (!(await this.permissionsMissing(def, teamId, addOnly))) return;
    const list = this.sp.web.lists.getByTitle(def.title);
    const security = await list.select('HasUniqueRoleAssignments')<ListSecurity>();
    const exact = await this.exactAssignments(def, teamId, addOnly);
    if (!exact) {
      if (!security.HasUniqueRoleAssignments) await list.breakRoleInheritance(true, false);
      // Leads edit only their own items; the team edits everyone's, which needs Override List Behaviors (Design has it, Edit does not).
      await list.roleAssignments.add(teamId, ROLE_DEFINITION.design);
    } else {
      // No inherited access: exactly the wanted principals, each with its one level.
      if (!security.HasUniqueRoleAssignments) await list.breakRoleInheritance(false, false);
      for (const r of await this.assignments(def)) {
        for (const b of r.RoleDefinitionBindings)
          if (exact.get(r.PrincipalId) !== b.Id) await list.roleAssignments.remove(r.PrincipalId, b.Id);
      }
      const now = await this.assignments(def);
      for (const [principal, role] of exact)
        if (!now.some((r) => r.PrincipalId === principal && r.RoleDefinitionBindings.some((b) => b.Id === role)))
          await list.roleAssignments.add(principal, role);
    }
    const wanted = this.wanted(def);
    await list.update({ WriteSecurity: wanted.write, ReadSecurity: wanted.read });
  }

  /** Site owners can see owners-only lists and who has access; others can see neither. */
  private async isSiteOwner(): Promise<boolean> {
    const [user, groups, owners] = await Promise.all([
      this.sp.web.currentUser<{ IsSiteAdmin: boolean }>(),
      this.sp.web.currentUser.groups<Array<{ Id: number }>>(),
      this.ownersId()
    ]);
    return user.IsSiteAdmin || groups.some((g) => g.Id === owners);
  }

  private inspect(): Promise<{
    report: ProvisioningReport;
    listIds: Map<string, string>;
    fieldsByList: Map<string, Map<string, SiteField>>;
  }> {
    return dataCall('Checking the lists', async () => {
      const lists = await this.sp.web.lists.select('Id', 'Title')();
      const listIds = new Map<string, string>(lists.map((l) => [l.Title as string, l.Id as string]));
      const fieldsByList = new Map<string, Map<string, SiteField>>();
      const missing: MissingPiece[] = [];
      const conflicts: ProvisioningReport['conflicts'] = [];
      const owner = await this.isSiteOwner();
      // Only site owners can see owners-only lists and permissions: for anyone else, what they
      // cannot see is not "missing" — the planner works for them without it.
      const visible = LIST_DEFINITIONS.filter((def) => owner || LIST_PERMISSIONS[def.key] !== 'ownersOnly');
      for (const def of visible) {
        if (!listIds.has(def.title)) {
          missing.push({ list: def.title, what: 'list' });
          continue;
        }
        const fields = await this.sp.web.lists
          .getByTitle(def.title)
          .fields.select('InternalName', 'TypeAsString', 'Indexed', 'RelationshipDeleteBehavior')<SiteField[]>();
        const byName = new Map(fields.map((f) => [f.InternalName, f]));
        fieldsByList.set(def.title, byName);
        for (const column of def.columns) {
          const found = byName.get(column.internalName);
          if (!found) missing.push({ list: def.title, column: column.internalName, what: 'column' });
          else if (found.TypeAsString !== column.type)
            conflicts.push({ list: def.title, column: column.internalName, expected: column.type, found: found.TypeAsString });
          else if (column.indexed && !found.Indexed) missing.push({ list: def.title, column: column.internalName, what: 'index' });
          else if (column.restrictDelete && found.RelationshipDeleteBehavior !== RESTRICT)
            missing.push({ list: def.title, column: column.internalName, what: 'deleteRule' });
        }
        if (def.versioning && !(await this.versioningOn(def))) missing.push({ list: def.title, what: 'versioning' });
      }
      const team = await this.teamGroupId();
      if (team === undefined) missing.push({ list: `SharePoint group "${INVOLVEMENT_TEAM_GROUP_NAME}"`, what: 'group' });
      else if (owner) {
        const addOnly = await this.addOnlyRoleId(false);
        for (const def of LIST_DEFINITIONS)
          if (listIds.has(def.title) && (await this.permissionsMissing(def, team, addOnly)))
            missing.push({ list: def.title, what: 'permissions' });
      }
      return { report: { ready: missing.length === 0 && conflicts.length === 0, missing, conflicts }, listIds, fieldsByList };
    });
  }
}
