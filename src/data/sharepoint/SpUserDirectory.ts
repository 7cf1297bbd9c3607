import { SPCollection, SPQueryable, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import type { CurrentUser, PersonRef, UserDirectory } from '../../domain';
import { dataCall } from '../http';
import { SpSiteCheck } from './SpSiteCheck';

interface SpUser {
  Id: number;
  LoginName?: string;
  Title: string;
  Email: string;
}

/**
 * The signed-in user and the site's people, from SharePoint. Who is signed in comes from the
 * start-up batch (`SpSiteCheck`, shared with the lists check when given the same one).
 */
export class SpUserDirectory implements UserDirectory {
  public constructor(
    private readonly sp: SPFI,
    private readonly site: SpSiteCheck = new SpSiteCheck(sp)
  ) {}

  public async currentUser(): Promise<CurrentUser> {
    return (await this.site.snapshot(false)).user;
  }

  public siteUsers(): Promise<PersonRef[]> {
    return dataCall('Listing the people on this site', async () => {
      const users = await SPCollection(this.sp.web, 'siteUsers')<Array<SpUser & { PrincipalType?: number }>>();
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
      const users = await SPCollection(this.sp.web, 'associatedOwnerGroup/users')<SpUser[]>();
      return users.map((u) => ({ id: u.Id, displayName: u.Title, email: u.Email }));
    });
  }
}
