import { SPQueryable, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import type { CurrentUser, PersonRef, UserDirectory } from '../../domain';
import { dataCall } from '../http';

import '@pnp/sp/lists';
import { INVOLVEMENT_TEAM_GROUP_NAME as INVOLVEMENT_TEAM_GROUP, listDefinition } from './lists';

interface SpUser {
  Id: number;
  LoginName?: string;
  Title: string;
  Email: string;
  IsSiteAdmin: boolean;
}

/** The signed-in user and the site's owners, from SharePoint. */
export class SpUserDirectory implements UserDirectory {
  public constructor(private readonly sp: SPFI) {}

  public currentUser(): Promise<CurrentUser> {
    return dataCall('Finding who is signed in', async () => {
      const [user, groups] = await Promise.all([
        this.sp.web.currentUser<SpUser>(),
        this.sp.web.currentUser.groups<Array<{ Id: number; Title: string }>>()
      ]);
      const [owners, mayCreatePlans] = await Promise.all([this.sp.web.associatedOwnerGroup(), this.mayAddPlans()]);
      return {
        id: user.Id,
        displayName: user.Title,
        email: user.Email,
        isSiteOwner: user.IsSiteAdmin || groups.some((g) => g.Id === owners.Id),
        isInvolvementTeam: groups.some((g) => g.Title === INVOLVEMENT_TEAM_GROUP),
        mayCreatePlans
      };
    });
  }

  /** Whether SharePoint lets this person add plans (Add Items on the plans list); undefined when the list cannot be asked. */
  private async mayAddPlans(): Promise<boolean | undefined> {
    try {
      const perms = await this.sp.web.lists.getByTitle(listDefinition('plans').title).select('EffectiveBasePermissions')<{
        EffectiveBasePermissions?: { Low?: number | string };
      }>();
      const low = Number(perms.EffectiveBasePermissions?.Low);
      // SP.PermissionKind.AddListItems is 2: bit 1 of the low word.
      return Number.isFinite(low) ? Math.floor(low / 2) % 2 === 1 : undefined;
    } catch {
      return undefined;
    }
  }

  public siteUsers(): Promise<PersonRef[]> {
    return dataCall('Listing the people on this site', async () => {
      const users = await this.sp.web.siteUsers<Array<SpUser & { PrincipalType?: number }>>();
      // People only (PrincipalType 1), with an email: not system accounts or groups.
      return users
        .filter((u) => (u.PrincipalType ?? 1) === 1 && u.Email)
        .map((u) => ({ id: u.Id, displayName: u.Title, email: u.Email }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
    });
  }

  /**
   * A person's Microsoft Entra object id, for mentioning them in Teams, from their SharePoint
   * user profile (`msOnline-ObjectId`; Learn: "PeopleManager.GetPropertiesFor"): SharePoint
   * keeps it, so it needs no Graph permission and cannot be set by the person. `undefined`
   * when the profile has none (a guest without a profile, or a profile not synced yet).
   */
  public entraObjectId(person: PersonRef): Promise<string | undefined> {
    return dataCall(`Finding ${person.displayName} in the directory`, async () => {
      const user = await this.sp.web.siteUsers.getById(person.id).select('Id', 'LoginName')<SpUser>();
      if (!user.LoginName) return undefined;
      const api = this.sp.web.toUrl().replace(/\/web\/?$/i, '');
      const query = SPQueryable([this.sp.web, api], 'sp.userprofiles.peoplemanager/getpropertiesfor(@v)');
      query.query.set('@v', `'${user.LoginName.replace(/'/g, "''")}'`);
      const profile = await query<{ UserProfileProperties?: Array<{ Key: string; Value: string }> }>();
      const id = profile.UserProfileProperties?.find((p) => p.Key === 'msOnline-ObjectId')?.Value.trim();
      return id ? id : undefined;
    });
  }

  public siteOwners(): Promise<PersonRef[]> {
    return dataCall('Finding the site owners', async () => {
      const users = await this.sp.web.associatedOwnerGroup.users<SpUser[]>();
      return users.map((u) => ({ id: u.Id, displayName: u.Title, email: u.Email }));
    });
  }
}
