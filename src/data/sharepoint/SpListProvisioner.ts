import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/security/list';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import type { ListProvisioner, MissingPiece, ProvisioningReport } from '../../domain';
import { dataCall } from '../http';
import {
  fieldSchemaXml,
  INVOLVEMENT_TEAM_GROUP_NAME,
  LIST_DEFINITIONS,
  LIST_PERMISSIONS,
  ROLE_DEFINITION,
  type ListDefinition
} from './lists';

/** SP.AddFieldOptions.AddFieldInternalNameHint: keep our internal name. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;

interface SiteField {
  InternalName: string;
  TypeAsString: string;
  Indexed: boolean;
}
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
          const created = await this.sp.web.lists.add(def.title, def.description, 100, false);
          listIds.set(def.title, created.Id as string);
          fieldsByList.set(def.title, new Map());
        }
        await this.ensureColumns(def, listIds, fieldsByList.get(def.title) ?? new Map());
      }
      const team = await this.teamGroupId();
      if (team !== undefined) for (const def of LIST_DEFINITIONS) await this.ensurePermissions(def, team);
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
      } else if (column.indexed && !found.Indexed && found.TypeAsString === column.type) {
        await list.fields.getByInternalNameOrTitle(column.internalName).update({ Indexed: true }, 'SP.Field');
      }
    }
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

  /**
   * The team's permission level on a list. Where leads edit only their own items, the team needs
   * Override List Behaviors to edit everyone's (Edit lacks it; Design has it).
   */
  private teamRole(def: ListDefinition): number {
    return LIST_PERMISSIONS[def.key] === 'leadsOwnItems' ? ROLE_DEFINITION.design : ROLE_DEFINITION.edit;
  }

  private async permissionsMissing(def: ListDefinition, teamId: number): Promise<boolean> {
    const list = this.sp.web.lists.getByTitle(def.title);
    const security = await list.select('HasUniqueRoleAssignments', 'WriteSecurity', 'ReadSecurity')<ListSecurity>();
    if (!security.HasUniqueRoleAssignments) return true;
    const wanted = this.wanted(def);
    if (security.WriteSecurity !== wanted.write || security.ReadSecurity !== wanted.read) return true;
    const roles = await list.roleAssignments.expand('RoleDefinitionBindings')<RoleAssignment[]>();
    const teamEdits = roles.some((r) => r.PrincipalId === teamId && r.RoleDefinitionBindings.some((b) => b.Id === this.teamRole(def)));
    if (LIST_PERMISSIONS[def.key] === 'ownersOnly') {
      const owners = await this.ownersId();
      return roles.some((r) => r.PrincipalId !== owners) || !roles.some((r) => r.PrincipalId === owners);
    }
    return !teamEdits;
  }

  private async ownersId(): Promise<number> {
    return (await this.sp.web.associatedOwnerGroup<{ Id: number }>()).Id;
  }

  private async ensurePermissions(def: ListDefinition, teamId: number): Promise<void> {
    if (!(await this.permissionsMissing(def, teamId))) return;
    const list = this.sp.web.lists.getByTitle(def.title);
    const security = await list.select('HasUniqueRoleAssignments')<ListSecurity>();
    if (LIST_PERMISSIONS[def.key] === 'ownersOnly') {
      // Owners only: no inherited access, and anyone else who was given access loses it.
      if (!security.HasUniqueRoleAssignments) await list.breakRoleInheritance(false, false);
      const owners = await this.ownersId();
      for (const r of await list.roleAssignments.expand('RoleDefinitionBindings')<RoleAssignment[]>()) {
        for (const b of r.RoleDefinitionBindings) if (r.PrincipalId !== owners) await list.roleAssignments.remove(r.PrincipalId, b.Id);
      }
      await list.roleAssignments.add(owners, ROLE_DEFINITION.fullControl);
      return;
    }
    if (!security.HasUniqueRoleAssignments) {
      if (LIST_PERMISSIONS[def.key] === 'leadsOwnItems') {
        await list.breakRoleInheritance(true, false);
      } else {
        // Team-only lists: owners keep full control, members and visitors read.
        await list.breakRoleInheritance(false, false);
        const [owners, members, visitors] = await Promise.all([
          this.sp.web.associatedOwnerGroup<{ Id: number }>(),
          this.sp.web.associatedMemberGroup<{ Id: number }>(),
          this.sp.web.associatedVisitorGroup<{ Id: number }>()
        ]);
        await list.roleAssignments.add(owners.Id, ROLE_DEFINITION.fullControl);
        await list.roleAssignments.remove(members.Id, ROLE_DEFINITION.contribute);
        await list.roleAssignments.add(members.Id, ROLE_DEFINITION.read);
        await list.roleAssignments.add(visitors.Id, ROLE_DEFINITION.read);
      }
    }
    await list.roleAssignments.add(teamId, this.teamRole(def));
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
        const fields = await this.sp.web.lists.getByTitle(def.title).fields.select('InternalName', 'TypeAsString', 'Indexed')<
          SiteField[]
        >();
        const byName = new Map(fields.map((f) => [f.InternalName, f]));
        fieldsByList.set(def.title, byName);
        for (const column of def.columns) {
          const found = byName.get(column.internalName);
          if (!found) missing.push({ list: def.title, column: column.internalName, what: 'column' });
          else if (found.TypeAsString !== column.type)
            conflicts.push({ list: def.title, column: column.internalName, expected: column.type, found: found.TypeAsString });
          else if (column.indexed && !found.Indexed) missing.push({ list: def.title, column: column.internalName, what: 'index' });
        }
      }
      const team = await this.teamGroupId();
      if (team === undefined) missing.push({ list: `SharePoint group "${INVOLVEMENT_TEAM_GROUP_NAME}"`, what: 'group' });
      else if (owner)
        for (const def of LIST_DEFINITIONS)
          if (listIds.has(def.title) && (await this.permissionsMissing(def, team))) missing.push({ list: def.title, what: 'permissions' });
      return { report: { ready: missing.length === 0 && conflicts.length === 0, missing, conflicts }, listIds, fieldsByList };
    });
  }
}
