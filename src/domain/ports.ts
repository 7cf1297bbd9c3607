import type { DefensibleRecord } from './defensibleRecord';
import type { PlanContent, Stored, StoredPlan } from './plan';
import type { PersonRef, PlanStatus, StatusHistoryEntry } from './status';
import type { EngagementLevel } from './engagementLevel';
import type { MapMove, OrganisationStakeholder, Stakeholder, StakeholderFields } from './stakeholder';
import type { IgnoredItem, Unconfirmed } from './planRecord';

/**
 * The kinds of failure the data layer reports, once, in terms the UI can explain:
 * each says what happened and what the user can do next.
 */
export type DataErrorKind =
  | 'notFound'
  | 'conflict'
  | 'throttled'
  | 'unavailable'
  /** Content that fails the plan's rules or SharePoint's limits: refused before anything is sent. */
  | 'invalidContent'
  | 'forbidden'
  | 'thresholdExceeded'
  | 'offline'
  | 'listsMissing'
  | 'schemaDrift'
  | 'invalidRequest'
  | 'server';

/** A data failure with a kind the UI can turn into plain English. */
export class DataError extends Error {
  public readonly kind: DataErrorKind;
  /** Technical detail for logs and support (list, column, HTTP status); not shown as the main message. */
  public readonly detail: string;
  /** For `throttled` and `unavailable`: how long the server asked us to wait before trying again. */
  public readonly retryAfterMs?: number;

  public constructor(kind: DataErrorKind, detail: string, retryAfterMs?: number) {
    super(`${kind}: ${detail}`);
    this.name = 'DataError';
    this.kind = kind;
    this.detail = detail;
    this.retryAfterMs = retryAfterMs;
  }
}

/** True when `error` is a `DataError` of the given kind. */
export function isDataError(error: unknown, kind?: DataErrorKind): error is DataError {
  return error instanceof DataError && (kind === undefined || error.kind === kind);
}

/** What a list of plans shows for each plan without loading the whole template. */
export interface PlanSummary {
  readonly id: number;
  readonly title: string;
  readonly status: PlanStatus;
  readonly projectLead: PersonRef | null;
  readonly involvementLead: PersonRef | null;
  readonly organisation: string;
  readonly placeName: string;
  readonly chosenLevel: EngagementLevel | null;
  readonly formalConsultationLikely: boolean;
  readonly decisionDate: string | null;
  readonly nextKeyDate: string | null;
  readonly modified: string;
  /**
   * Stored values the record does not bear out (a Status of "Accepted" the team never decided,
   * another lead named as project lead…): the summary shows the record, and the dashboard says so.
   */
  readonly unconfirmed: readonly Unconfirmed[];
}

/** Plans by verified status, and the plans whose stored Status column the record does not bear out. */
export interface StatusOverview {
  readonly counts: Record<PlanStatus, number>;
  readonly unconfirmed: ReadonlyArray<{
    readonly id: number;
    readonly title: string;
    readonly stored: string;
    readonly verified: PlanStatus;
  }>;
  /**
   * Plans the dashboard's counts (the team's tally, counted again alongside the check) count in
   * another status than the check finds: a submission that did not finish (its history entry was
   * written, the plan was not saved). Absent when the tally could not be counted again.
   */
  readonly countedDifferently?: ReadonlyArray<{
    readonly id: number;
    readonly title: string;
    readonly counted: PlanStatus;
    readonly verified: PlanStatus;
  }>;
}

/** One page of results and how to ask for the next. */
export interface Page<T> {
  readonly items: T[];
  /** Opaque token for the next page; undefined on the last page. */
  readonly next?: string;
}

/** A plan that could not be read because its stored data is broken; reported, never dropped. */
export interface UnreadablePlan {
  readonly id: number;
  readonly title: string;
  readonly problem: string;
}

/** A page of plan summaries plus any plans on that page whose data could not be read. */
export interface PlanSummaryPage extends Page<PlanSummary> {
  readonly unreadable: UnreadablePlan[];
}

/** The involvement team's filters on the queue of plans (each on an indexed column). */
export interface PlanQuery {
  readonly status?: PlanStatus;
  readonly level?: EngagementLevel;
  readonly organisation?: string;
  readonly place?: string;
  readonly involvementLeadId?: number;
  /** Decision dates from and to, inclusive (YYYY-MM-DD). */
  readonly decisionFrom?: string;
  readonly decisionTo?: string;
}

/** Stores and reads involvement plans (the "Involvement plans" SharePoint list in production). */
export interface PlanRepository {
  /** Plans whose project lead is the given user, newest first, a page at a time. */
  listForLead(leadUserId: number, pageToken?: string): Promise<PlanSummaryPage>;
  /**
   * Read the signed-in person's first page of plans with the start-up reads, in the same round
   * trip as finding who they are; their first `listForLead` then verifies that page instead of
   * reading it again. Optional: without it, `listForLead` reads.
   */
  readMineAtStartUp?(): void;
  /** All plans matching the team's filters, newest first, a page at a time. */
  query(filter: PlanQuery, pageToken?: string): Promise<PlanSummaryPage>;
  /** How many plans are in each status, across all plans (beyond the 5,000-item threshold), by verified status. */
  countByStatus(): Promise<Record<PlanStatus, number>>;
  /** The counts, and every plan whose stored status the record does not bear out. */
  statusOverview(): Promise<StatusOverview>;
  /** One whole plan, validated; a plan with broken data raises `schemaDrift`. */
  get(id: number): Promise<StoredPlan>;
  /**
   * Create a draft plan. `requestId` makes it idempotent: calling again with the same id returns
   * the plan made the first time instead of a second plan.
   */
  create(content: PlanContent, lead: PersonRef, requestId: string): Promise<StoredPlan>;
  /**
   * Save the lead's content. `plan.version` must be the version read: if someone saved since,
   * this fails with `conflict` and changes nothing (never a silent overwrite).
   */
  save(plan: StoredPlan): Promise<StoredPlan>;
  /** Delete a draft. Fails with `conflict` if it changed since `version` was read. */
  remove(id: number, version: string): Promise<void>;
  /**
   * Keep the record of the advice with the plan (at submission), at the version read (`conflict`
   * if someone saved since). Validated before it is written; replaces any earlier record.
   */
  recordAdvice(plan: StoredPlan, record: DefensibleRecord): Promise<StoredPlan>;
}

/** Reads the status history of a plan. */
export interface StatusHistoryRepository {
  listForPlan(planId: number): Promise<StatusHistoryEntry[]>;
}

/** The person using the product, and what they may do. */
export interface CurrentUser extends PersonRef {
  readonly isSiteOwner: boolean;
  readonly isInvolvementTeam: boolean;
  /**
   * May add plans (SharePoint's Add Items on the plans list): false for readers, who are not
   * offered "Start a new plan". Undefined when not known (treated as may).
   */
  readonly mayCreatePlans?: boolean;
}

/** Who is signed in. */
export interface UserDirectory {
  currentUser(): Promise<CurrentUser>;
  /** Names of the site's owners, for "ask one of these people to set up the lists". */
  siteOwners(): Promise<PersonRef[]>;
  /** People on the site, for choosing an involvement lead. */
  siteUsers(): Promise<PersonRef[]>;
  /** A person's Microsoft Entra object id (to mention them in Teams), or `undefined` if the directory has none. */
  entraObjectId(person: PersonRef): Promise<string | undefined>;
}

/** A list or column the product needs that the site does not have yet. */
export interface MissingPiece {
  readonly list: string;
  readonly column?: string;
  readonly what: 'list' | 'column' | 'index' | 'deleteRule' | 'permissions' | 'group' | 'versioning';
}

/** Whether the site holds everything the product needs. */
export interface ProvisioningReport {
  readonly ready: boolean;
  readonly missing: MissingPiece[];
  /** Columns that exist with the wrong type: provisioning will not change them; an admin must. */
  readonly conflicts: Array<{ list: string; column: string; expected: string; found: string }>;
}

/** Checks and creates the product's SharePoint lists (site owners only). */
export interface ListProvisioner {
  check(): Promise<ProvisioningReport>;
  /** Create what is missing. Running it again changes nothing. */
  ensure(): Promise<ProvisioningReport>;
}

/** A stakeholder to add to a plan's map. `requestId` makes adding safe to retry: one id, one stakeholder. */
export interface NewStakeholder {
  readonly requestId: string;
  readonly fields: StakeholderFields;
  readonly history: MapMove[];
}

/** A plan's stakeholders as the product believes them, and the items it does not count. */
export interface CheckedStakeholders {
  /** Entries written by the plan's lead or a member of the involvement team. */
  readonly stakeholders: Stakeholder[];
  /** Entries anyone else wrote: not part of the plan, listed for the team to remove. */
  readonly ignored: IgnoredItem[];
  /** Entries that could not be read, each named by list, item id and column; the rest of the map still opens. */
  readonly unreadable: IgnoredItem[];
}

/** A plan's stakeholder map (the "Plan stakeholders" list in production). */
export interface StakeholderRepository {
  /** The plan's stakeholders (see `listForPlanChecked`), with what does not count and what could not be read. */
  listForPlanChecked(planId: number, onProgress?: (loaded: number) => void): Promise<CheckedStakeholders>;
  /**
   * Every stakeholder of a plan that counts (written by its lead or the team), oldest first, read a
   * page at a time on the indexed plan column (never one unbounded query); an item that cannot be
   * read is skipped, not the whole map. `onProgress` hears how many are loaded so far.
   */
  listForPlan(planId: number, onProgress?: (loaded: number) => void): Promise<Stakeholder[]>;
  /** One stakeholder as stored now; `notFound` if it was removed. */
  get(id: number): Promise<Stakeholder>;
  /** Add stakeholders in one go; retrying after a failure adds only those not added yet. Returns them as stored, in order. */
  addMany(planId: number, items: readonly NewStakeholder[]): Promise<Stakeholder[]>;
  /** Save a stakeholder at the version read; `conflict` if someone else changed it since (never a silent overwrite). */
  save(stakeholder: Stakeholder): Promise<Stakeholder>;
  /** Take a stakeholder off the map; `conflict` if it changed since `version` was read. */
  remove(id: number, version: string): Promise<void>;
}

/** The involvement team's shared stakeholder list ("Organisation stakeholders"). */
export interface SharedStakeholderRepository {
  /** The whole shared list, by name, read a page at a time. */
  list(): Promise<Array<Stored<OrganisationStakeholder>>>;
  /** Add an entry; `requestId` makes a retry safe. */
  add(entry: OrganisationStakeholder, requestId: string): Promise<Stored<OrganisationStakeholder>>;
  /** Save an entry at the version read; `conflict` if someone else changed it since. */
  save(entry: Stored<OrganisationStakeholder>): Promise<Stored<OrganisationStakeholder>>;
  remove(id: number, version: string): Promise<void>;
}
