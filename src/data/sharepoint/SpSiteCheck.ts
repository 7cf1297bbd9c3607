import { SPCollection, SPInstance, SPQueryable, spPost, type SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/batching';
import { isDataError, type CurrentUser, type ListProvisioner, type MissingPiece, type ProvisioningReport } from '../../domain';
import { dataCall, fetchCode } from '../http';
import { INVOLVEMENT_TEAM_GROUP_NAME, LIST_DEFINITIONS, LIST_PERMISSIONS, listDefinition, RESTRICT, type SiteField } from './lists';
import { CLAIMS_EXPAND, CLAIMS_SELECT, MY_PLANS_VIEW_XML, PLAN_EXPAND, PLAN_SUMMARY_SELECT } from './planListColumns';

// What every web part needs before its first screen — who is signed in and whether the site has
// the lists — read in one `$batch` (one round trip), with a good lists check remembered in the
// browser per site and list schema, so later visits ask only who is signed in. Permissions are
// checked only by "Set up lists" (SpListProvisioner, fetched then), not on every load.

interface SpUser {
  Id: number;
  Title: string;
  Email: string;
  IsSiteAdmin: boolean;
}

/** The lists' shape in one string: a remembered check is used only while the definitions are the same. */
function schemaSignature(): string {
  const text = LIST_DEFINITIONS.map(
    (d) => `${d.title}:${d.columns.map((c) => `${c.internalName}/${c.type}/${c.indexed ? 1 : 0}/${c.restrictDelete ? 1 : 0}`).join(',')}`
  ).join(';');
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 33) + text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

const CHECK_KEY = 'involvement-planner:lists-ready';

/** A remembered good lists check, per site address and list schema (localStorage; nothing if storage is blocked). */
export const listsCheckMemory = {
  has(siteUrl: string): boolean {
    try {
      return window.localStorage.getItem(`${CHECK_KEY}:${siteUrl}`) === schemaSignature();
    } catch {
      return false;
    }
  },
  remember(siteUrl: string): void {
    try {
      window.localStorage.setItem(`${CHECK_KEY}:${siteUrl}`, schemaSignature());
    } catch {
      /* storage blocked: the next visit checks again */
    }
  },
  forget(siteUrl?: string): void {
    try {
      if (siteUrl) window.localStorage.removeItem(`${CHECK_KEY}:${siteUrl}`);
      else for (const key of Object.keys(window.localStorage)) if (key.startsWith(`${CHECK_KEY}:`)) window.localStorage.removeItem(key);
    } catch {
      /* storage blocked */
    }
  }
};

const notFound = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;

/** Settle a batched request now, so a refused part never becomes an unhandled rejection. */
const settle = <T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error })
  );

/**
 * Whether SharePoint lets this person add plans (Add Items on the plans list); undefined when the
 * list cannot be asked. SP.PermissionKind.AddListItems is 2: bit 1 of the low word.
 */
function mayAddItems(
  r: { ok: true; value: { EffectiveBasePermissions?: { Low?: number | string } } } | { ok: false; error: unknown }
): boolean | undefined {
  if (!r.ok) return undefined;
  const low = Number(r.value.EffectiveBasePermissions?.Low);
  return Number.isFinite(low) ? Math.floor(low / 2) % 2 === 1 : undefined;
}

/** What one visit reads about the site and the signed-in user. */
interface SiteSnapshot {
  user: CurrentUser;
  report: ProvisioningReport;
}

/** How long a first page of plans read at start-up is used instead of reading it again. */
const MY_PLANS_FRESH_MS = 30_000;

/**
 * Reads the signed-in user and (unless remembered) the lists' columns in one `$batch`. Calls made
 * together (the directory's `currentUser` and the lists check, as the app's start asks for both)
 * share one batch.
 */
export class SpSiteCheck {
  private pending: Promise<SiteSnapshot> | undefined;
  private wantLists = false;
  private wantMyPlans = false;
  private myPlans: { userId: number; at: number; raw: unknown[] } | undefined;

  public constructor(private readonly sp: SPFI) {}

  /** The site's address, the key for the remembered check. */
  private get siteUrl(): string {
    return this.sp.web.toUrl();
  }

  /** Read (or join the read in flight); `lists` asks for the lists check too. */
  public snapshot(lists: boolean): Promise<SiteSnapshot> {
    if (lists) this.wantLists = true;
    if (!this.pending) {
      // Wait a tick so that calls made together join one batch.
      this.pending = Promise.resolve()
        .then(() => {
          const wantLists = this.wantLists;
          const wantMyPlans = this.wantMyPlans;
          this.wantLists = false;
          this.wantMyPlans = false;
          return this.read(wantLists, wantMyPlans);
        })
        .finally(() => {
          this.pending = undefined;
        });
    }
    return this.pending;
  }

  /**
   * Read the signed-in person's first page of plans with the start-up reads (the planner's "My
   * plans"), in the same `$batch`, by CAML's `<UserID/>`, so it need not wait for who they are.
   */
  public readMyPlans(): void {
    this.wantMyPlans = true;
    this.snapshot(false).catch(() => undefined);
  }

  /**
   * The raw first page of `userId`'s plans read at start-up, once, while fresh; undefined when it
   * was not read, could not be, was for someone else or was used already (then read it again).
   */
  public takeMyPlans(userId: number): unknown[] | undefined {
    const early = this.myPlans;
    this.myPlans = undefined;
    return early && early.userId === userId && Date.now() - early.at < MY_PLANS_FRESH_MS ? early.raw : undefined;
  }

  private read(lists: boolean, myPlans: boolean): Promise<SiteSnapshot> {
    const remembered = lists && listsCheckMemory.has(this.siteUrl);
    const checkLists = lists && !remembered;
    return dataCall(checkLists ? 'Checking the lists' : 'Finding who is signed in', async () => {
      const [batched, execute] = this.sp.batched();
      const web = batched.web;
      const user = settle(SPInstance(web, 'currentUser').select('Id', 'Title', 'Email', 'IsSiteAdmin')<SpUser>());
      const groups = settle(SPCollection(web, 'currentUser/groups').select('Id', 'Title')<Array<{ Id: number; Title: string }>>());
      const owners = settle(SPInstance(web, 'associatedOwnerGroup').select('Id')<{ Id: number }>());
      const plansPermissions = settle(
        web.lists.getByTitle(listDefinition('plans').title).select('EffectiveBasePermissions')<{
          EffectiveBasePermissions?: { Low?: number | string };
        }>()
      );
      const siteGroups = checkLists
        ? settle(SPCollection(web, 'siteGroups').select('Id', 'Title')<Array<{ Id: number; Title: string }>>())
        : undefined;
      const fields = checkLists
        ? LIST_DEFINITIONS.map((def) => ({
            def,
            read: settle(
              SPCollection(web.lists.getByTitle(def.title), 'fields').select(
                'InternalName',
                'TypeAsString',
                'Indexed',
                'RelationshipDeleteBehavior'
              )<SiteField[]>()
            )
          }))
        : [];
      // A read, sent as a POST (GetItems takes its CAML in the body); $select and $expand as for items.
      const mine = myPlans
        ? settle(
            spPost<unknown[]>(
              SPQueryable(web.lists.getByTitle(listDefinition('plans').title), 'GetItems')
                .select(...PLAN_SUMMARY_SELECT, ...CLAIMS_SELECT)
                .expand(...PLAN_EXPAND, ...CLAIMS_EXPAND),
              body({ query: { ViewXml: MY_PLANS_VIEW_XML } })
            )
          )
        : undefined;
      await execute();
      const value = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
        const r = await p;
        if (!r.ok) throw r.error;
        return r.value;
      };
      const [me, myGroups, ownerGroup] = await Promise.all([value(user), value(groups), value(owners)]);
      const current: CurrentUser = {
        id: me.Id,
        displayName: me.Title,
        email: me.Email,
        isSiteOwner: me.IsSiteAdmin || myGroups.some((g) => g.Id === ownerGroup.Id),
        isInvolvementTeam: myGroups.some((g) => g.Title === INVOLVEMENT_TEAM_GROUP_NAME),
        mayCreatePlans: mayAddItems(await plansPermissions)
      };
      // Kept for "My plans" when read; when not (no lists yet, a refused part), "My plans" reads it itself.
      const myPage = mine ? await mine : undefined;
      if (myPage?.ok && Array.isArray(myPage.value)) this.myPlans = { userId: current.id, at: Date.now(), raw: myPage.value };
      if (!checkLists) return { user: current, report: { ready: true, missing: [], conflicts: [] } };

      const missing: MissingPiece[] = [];
      const conflicts: ProvisioningReport['conflicts'] = [];
      for (const { def, read } of fields) {
        // Only site owners can see owners-only lists: for anyone else, what they cannot see is not
        // "missing" — the planner works for them without it.
        if (!current.isSiteOwner && LIST_PERMISSIONS[def.key] === 'ownersOnly') continue;
        const r = await read;
        if (!r.ok) {
          if (notFound(r.error)) {
            missing.push({ list: def.title, what: 'list' });
            continue;
          }
          throw r.error;
        }
        const byName = new Map(r.value.map((f) => [f.InternalName, f]));
        for (const column of def.columns) {
          const found = byName.get(column.internalName);
          if (!found) missing.push({ list: def.title, column: column.internalName, what: 'column' });
          else if (found.TypeAsString !== column.type)
            conflicts.push({ list: def.title, column: column.internalName, expected: column.type, found: found.TypeAsString });
          else if (column.indexed && !found.Indexed) missing.push({ list: def.title, column: column.internalName, what: 'index' });
          else if (column.restrictDelete && found.RelationshipDeleteBehavior !== RESTRICT)
            missing.push({ list: def.title, column: column.internalName, what: 'deleteRule' });
        }
      }
      const teams = await value(siteGroups as NonNullable<typeof siteGroups>);
      if (!teams.some((g) => g.Title === INVOLVEMENT_TEAM_GROUP_NAME))
        missing.push({ list: `SharePoint group "${INVOLVEMENT_TEAM_GROUP_NAME}"`, what: 'group' });
      const report = { ready: missing.length === 0 && conflicts.length === 0, missing, conflicts };
      if (report.ready) listsCheckMemory.remember(this.siteUrl);
      return { user: current, report };
    });
  }

  /** Forget the remembered check for this site (after a refused request, or to set up lists). */
  public forget(): void {
    listsCheckMemory.forget(this.siteUrl);
  }
}

/**
 * The lists port the web parts use: the check from the shared batch; "Set up lists" fetches the
 * provisioner (which also checks and repairs permissions) only when chosen.
 */
export class SpListsPort implements ListProvisioner {
  public constructor(
    private readonly sp: SPFI,
    private readonly site: SpSiteCheck
  ) {}

  public async check(): Promise<ProvisioningReport> {
    return (await this.site.snapshot(true)).report;
  }

  /**
   * Create what is missing and put permissions right, with the plans list readable by all staff
   * or only by each plan's lead and the team, as the saved involvement settings say
   * (`otherUsersCanRead`; the settings page runs this after that setting changes).
   */
  public async ensure(): Promise<ProvisioningReport> {
    this.site.forget();
    const { SpListProvisioner } = await fetchCode(
      () => import(/* webpackChunkName: "set-up-lists" */ './SpListProvisioner'),
      'sets up lists'
    );
    return new SpListProvisioner(this.sp, await this.otherUsersCanRead()).ensure();
  }

  /** The saved choice; the default (everyone reads) where nothing is saved yet, or the settings list is not there yet. */
  private async otherUsersCanRead(): Promise<boolean> {
    // The settings' reader (and zod) are not in the first chunk: fetched with the plan lists' reader.
    const { DEFAULT_SETTINGS, SpInvolvementSettingsStore } = await fetchCode(
      () => import(/* webpackChunkName: "plan-lists" */ './startUpData'),
      'reads plans and settings'
    );
    try {
      return (await new SpInvolvementSettingsStore(this.sp).read()).settings.otherUsersCanRead;
    } catch (error) {
      if (isDataError(error, 'notFound')) return DEFAULT_SETTINGS.otherUsersCanRead;
      throw error;
    }
  }
}
