import {
  DataError,
  matchesWords,
  searchWords,
  type InsightRepository,
  type InsightResult,
  type InsightSearch,
  emptyRecordContent,
  type EngagementRecord,
  type EngagementRecordContent,
  type EngagementRecordRepository,
  type PeriodRecords,
  type RecordChange,
  type SignOff,
  type SignOffRepository,
  type EngagementResponse,
  type NewResponse,
  type PlanResponses,
  type ResponseRepository,
  DEFAULT_SETTINGS,
  diffSettings,
  involvementSettingsSchema,
  planContentSchema,
  readDefensibleRecord,
  type DefensibleRecord,
  type InvolvementSettings,
  type InvolvementSettingsStore,
  type ListProvisioner,
  type SavedSettings,
  type SettingsChangeRecord,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  verifiedPlan,
  verifyProcess,
  type CheckedStakeholders,
  type CurrentUser,
  type StoredPlan,
  type NewDecision,
  type NotificationTarget,
  type NotifyResult,
  type OutboxEntry,
  type OutboxRepository,
  type PlanContent,
  type NewStakeholder,
  type OrganisationStakeholder,
  type PlanItemClaims,
  type PlanRecord,
  type SharedStakeholderRepository,
  type Stakeholder,
  type StakeholderFields,
  type Stored,
  type StakeholderRepository,
  type PlanQuery,
  type PlanRepository,
  type PlanStatus,
  type PlanSummary,
  type PlanWorkflowRepository,
  type UnreadablePlan,
  type RecordOptions,
  type Submission,
  type SubmissionEntry,
  type SubmitWrites,
  type TeamDecision,
  type TeamRoster
} from '../../src/domain';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
import type { Services } from '../../src/ui';

/** The involvement team in the fakes: Jo Bennett (id 4). */
export const TEAM_ROSTER: TeamRoster = { known: true, memberIds: new Set([4]) };

/** What the plan item holds beyond its content: the lead's submission and who created it. */
interface StoredClaims {
  submission: number;
  submissionKey: string;
  createdBy: { id: number; displayName: string; email: string };
}

/**
 * An in-memory plan repository with SharePoint's version rules (a stale version is a conflict),
 * holding the team's decisions and the submission entries too, and verifying each plan it returns
 * as the product does. It stands in for the port, not for SharePoint: the SharePoint adapter is
 * tested through the workbench stand-in.
 */
export class InMemoryPlans implements PlanRepository {
  /** The plans as stored (their status is the stored copy). */
  public readonly plans = new Map<number, StoredPlan>();
  public readonly claims = new Map<number, StoredClaims>();
  public readonly decisions: TeamDecision[] = [];
  public readonly entries: SubmissionEntry[] = [];
  /** Failures to throw on the next saves, in order. */
  public readonly failNextSaves: DataError[] = [];
  public saves = 0;
  private nextId = 1;
  private version = 1;
  public nextItemId = 1000;

  public add(
    content: PlanContent,
    lead = { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' },
    status: PlanStatus = 'draft'
  ): StoredPlan {
    const plan: StoredPlan = {
      id: this.nextId++,
      version: `"${this.version++}"`,
      status,
      projectLead: lead,
      involvementLead: null,
      scopingMeeting: null,
      content,
      modified: new Date().toISOString()
    };
    const id = plan.id;
    this.plans.set(id, plan);
    this.claims.set(id, { submission: 0, submissionKey: '', createdBy: lead });
    // A plan added in a later status has the record behind it: its submission, and the team's decision.
    if (status !== 'draft') {
      const key = `plan-${id}-submission-1-fake`;
      this.claims.set(id, { submission: 1, submissionKey: key, createdBy: lead });
      this.entries.push({
        id: this.nextItemId++,
        planId: id,
        submission: 1,
        key,
        from: 'draft',
        comment: '',
        author: lead,
        created: '2026-01-01T09:00:00Z'
      });
      if (status !== 'submitted')
        this.decisions.push({
          id: this.nextItemId++,
          planId: id,
          seq: 1,
          requestId: `fake-${id}`,
          kind: 'status',
          from: 'submitted',
          to: status,
          submission: 1,
          submissionKey: key,
          involvementLead: null,
          confirmedLevel: null,
          scopingMeeting: null,
          comment: '',
          author: { id: 4, displayName: 'Jo Bennett', email: 'jo@x' },
          created: '2026-01-02T09:00:00Z'
        });
    }
    return plan;
  }

  /** A new version string. */
  public bump(): string {
    return `"${this.version++}"`;
  }

  /** The lead submits the plan from another browser: its status, submission number and key, and the history entry. */
  public submitElsewhere(id: number): void {
    const plan = this.plans.get(id) as StoredPlan;
    const claims = this.claims.get(id) as StoredClaims;
    const key = `plan-${id}-submission-${claims.submission + 1}-elsewhere`;
    this.claims.set(id, { ...claims, submission: claims.submission + 1, submissionKey: key });
    this.plans.set(id, { ...plan, status: 'submitted', version: this.bump() });
    this.entries.push({
      id: this.nextItemId++,
      planId: id,
      submission: claims.submission + 1,
      key,
      from: plan.status,
      comment: '',
      author: claims.createdBy,
      created: new Date().toISOString()
    });
  }

  /** Someone else saves the plan (as another browser would). */
  public editElsewhere(id: number, change: (c: PlanContent) => PlanContent): void {
    const plan = this.plans.get(id) as StoredPlan;
    this.plans.set(id, { ...plan, content: change(plan.content), version: `"${this.version++}"` });
  }

  /** Plans whose stored data cannot be read (as the SharePoint repository reports them on a page). */
  public readonly unreadable: UnreadablePlan[] = [];

  public claimsOf(id: number): PlanItemClaims {
    const plan = this.plans.get(id);
    const c = this.claims.get(id);
    if (!plan || !c) throw new DataError('notFound', `plan ${id}`);
    return {
      planId: id,
      createdBy: c.createdBy,
      projectLead: plan.projectLead,
      status: plan.status,
      statusText: PLAN_STATUS_LABELS[plan.status],
      submission: c.submission,
      submissionKey: c.submissionKey,
      involvementLead: plan.involvementLead,
      scopingMeetingAt: plan.scopingMeeting?.at ?? null,
      confirmedLevel: plan.content.level.confirmedByTeam ? plan.content.level.chosen : null
    };
  }

  /** The plan as the product shows it, with its verified process. */
  public verified(id: number): { plan: StoredPlan; claims: PlanItemClaims; process: ReturnType<typeof verifyProcess> } {
    const claims = this.claimsOf(id);
    const process = verifyProcess(
      claims,
      this.decisions.filter((d) => d.planId === id),
      this.entries.filter((e) => e.planId === id),
      TEAM_ROSTER
    );
    return { plan: verifiedPlan(clone(this.plans.get(id) as StoredPlan), process), claims, process };
  }

  private summary(id: number): PlanSummary {
    const { plan, process } = this.verified(id);
    return {
      id,
      title: plan.content.project.title,
      status: plan.status,
      projectLead: plan.projectLead,
      involvementLead: plan.involvementLead,
      organisation: plan.content.project.organisation,
      placeName: plan.content.project.placeName,
      chosenLevel: plan.content.level.chosen,
      formalConsultationLikely: false,
      decisionDate: plan.content.project.decisionDate || null,
      nextKeyDate: null,
      modified: plan.modified ?? '',
      unconfirmed: process.unconfirmed.filter((u) => u.what !== 'level')
    };
  }

  public async listForLead(leadUserId: number) {
    return {
      items: [...this.plans.keys()].map((id) => this.summary(id)).filter((p) => p.projectLead?.id === leadUserId),
      unreadable: [...this.unreadable]
    };
  }
  public async query(filter: PlanQuery) {
    const stored = [...this.plans.values()].filter(
      (p) =>
        (!filter.status || p.status === filter.status) && (!filter.organisation || p.content.project.organisation === filter.organisation)
    );
    return { items: stored.map((p) => this.summary(p.id)), unreadable: [...this.unreadable] };
  }
  public async statusOverview() {
    const counts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
    const unconfirmed: Array<{ id: number; title: string; stored: string; verified: PlanStatus }> = [];
    for (const id of this.plans.keys()) {
      const { plan, claims } = this.verified(id);
      counts[plan.status] += 1;
      if (claims.status !== plan.status)
        unconfirmed.push({ id, title: plan.content.project.title, stored: claims.statusText, verified: plan.status });
    }
    return { counts, unconfirmed };
  }
  public async countByStatus() {
    return (await this.statusOverview()).counts;
  }
  public async get(id: number) {
    if (!this.plans.has(id)) throw new DataError('notFound', `plan ${id}`);
    return this.verified(id).plan;
  }
  public async create(content: PlanContent) {
    return this.add(content);
  }
  public async save(plan: StoredPlan) {
    this.saves += 1;
    const failure = this.failNextSaves.shift();
    if (failure) throw failure;
    const current = this.plans.get(plan.id);
    if (!current) throw new DataError('notFound', 'gone');
    if (current.version !== plan.version) throw new DataError('conflict', 'HTTP 412');
    // As the SharePoint repository: content that is not valid is refused before anything is written.
    if (!planContentSchema.safeParse(plan.content).success) throw new DataError('invalidContent', 'not valid');
    const saved: StoredPlan = {
      ...current,
      content: clone(plan.content),
      storedProblems: undefined,
      version: `"${this.version++}"`,
      modified: new Date().toISOString()
    };
    this.plans.set(saved.id, saved);
    // The write landed, but reading it back failed (as SharePoint can when throttled between the two).
    const readBack = this.failNextReadBacks.shift();
    if (readBack) throw readBack;
    return this.get(saved.id);
  }
  /** Failures to throw after the next saves have been written (a failed read-back). */
  public readonly failNextReadBacks: DataError[] = [];
  public async remove(id: number) {
    this.plans.delete(id);
  }
  public async recordAdvice(plan: StoredPlan, record: DefensibleRecord) {
    const current = this.plans.get(plan.id);
    if (!current) throw new DataError('notFound', 'gone');
    if (current.version !== plan.version) throw new DataError('conflict', 'HTTP 412');
    const read = readDefensibleRecord(clone(record));
    if (!read.ok) throw new DataError('invalidRequest', 'record not valid');
    const saved = { ...current, adviceRecord: { ok: true as const, record: read.value }, version: `"${this.version++}"` };
    this.plans.set(saved.id, saved);
    return clone(saved);
  }
}

/**
 * The organisation's involvement settings in memory, with the version rule (a stale version is a
 * conflict) and a record of each change, as the SharePoint store keeps them.
 */
export class InMemorySettingsStore implements InvolvementSettingsStore {
  public settings: InvolvementSettings | undefined;
  public version = 0;
  public readonly changes: SettingsChangeRecord[] = [];
  public saves = 0;
  public constructor(
    initial?: Partial<InvolvementSettings>,
    private readonly by = { id: 1, displayName: 'Sam Owner', email: 'sam@x.nhs.uk' }
  ) {
    if (initial) {
      this.settings = { ...DEFAULT_SETTINGS, ...initial };
      this.version = 1;
    }
  }
  public async read() {
    return this.settings
      ? { settings: clone(this.settings), version: `"${this.version}"`, problems: [] }
      : { settings: clone(DEFAULT_SETTINGS), problems: [] };
  }
  public async save(settings: InvolvementSettings, version: string | undefined): Promise<SavedSettings> {
    this.saves += 1;
    if (!involvementSettingsSchema.safeParse(settings).success) throw new DataError('invalidRequest', 'settings not valid');
    const current = this.settings ? `"${this.version}"` : undefined;
    if (current !== version) throw new DataError('conflict', 'HTTP 412');
    const before = this.settings ?? DEFAULT_SETTINGS;
    this.settings = clone(settings);
    this.version += 1;
    this.changes.unshift({ at: new Date().toISOString(), by: this.by, changes: diffSettings(before, settings) });
    return this.read();
  }
  /** Someone else saves (as another browser would). */
  public saveElsewhere(change: Partial<InvolvementSettings>): void {
    this.settings = { ...(this.settings ?? DEFAULT_SETTINGS), ...change };
    this.version += 1;
  }
  public async history() {
    return clone(this.changes);
  }
}

/** The plan's process in memory: records, submissions, decisions and stored copies, with SharePoint's version rule. */
export class InMemoryWorkflow implements PlanWorkflowRepository {
  public constructor(
    private readonly plans: InMemoryPlans,
    private readonly outbox: InMemoryOutbox,
    private readonly user: CurrentUser,
    private readonly target: () => Promise<NotificationTarget | undefined>,
    private readonly stakeholders?: StakeholderRepository
  ) {}

  public async record(planId: number, options: RecordOptions = {}): Promise<PlanRecord> {
    if (!this.plans.plans.has(planId)) throw new DataError('notFound', `plan ${planId}`);
    const { plan, claims, process } = this.plans.verified(planId);
    return {
      plan,
      claims,
      process,
      roster: TEAM_ROSTER,
      outbox: this.outbox.entries.filter((e) => e.planId === planId).map(clone),
      stakeholders: options.stakeholders ? ((await this.stakeholders?.listForPlan(planId)) ?? []) : undefined,
      notificationTarget: options.notificationTarget ? await this.target() : undefined
    };
  }

  private entry(planId: number, submission: Submission, from: PlanStatus | null, comment: string): void {
    this.plans.entries.push({
      id: this.plans.nextItemId++,
      planId,
      submission: submission.number,
      key: submission.key,
      from,
      comment,
      author: { id: this.user.id, displayName: this.user.displayName, email: this.user.email },
      created: new Date().toISOString()
    });
  }

  public async submit(
    record: PlanRecord,
    submission: Submission,
    comment: string,
    notify: boolean,
    advice: DefensibleRecord
  ): Promise<SubmitWrites> {
    const id = record.plan.id;
    const current = this.plans.plans.get(id) as StoredPlan;
    if (current.version !== record.plan.version) return { record, committed: false, error: new DataError('conflict', 'HTTP 412') };
    const kept = readDefensibleRecord(clone(advice));
    if (!kept.ok) throw new DataError('invalidRequest', 'record not valid');
    this.plans.plans.set(id, {
      ...current,
      status: 'submitted',
      adviceRecord: { ok: true, record: kept.value },
      version: this.plans.bump()
    });
    const claims = this.plans.claims.get(id) as StoredClaims;
    this.plans.claims.set(id, { ...claims, submission: submission.number, submissionKey: submission.key });
    this.entry(id, submission, record.process.status, comment);
    const claimed = notify ? await this.outbox.add(id, submission.key, true) : undefined;
    return { record: await this.record(id, { notificationTarget: record.notificationTarget !== undefined }), committed: true, claimed };
  }

  public async recordSubmission(planId: number, submission: Submission, from: PlanStatus | null, comment: string): Promise<void> {
    this.entry(planId, submission, from, comment);
  }

  public async decide(d: NewDecision): Promise<void> {
    if (this.plans.decisions.some((x) => x.requestId === d.requestId)) return;
    this.plans.decisions.push({
      ...clone(d),
      id: this.plans.nextItemId++,
      author: { id: this.user.id, displayName: this.user.displayName, email: this.user.email },
      created: new Date().toISOString()
    });
  }

  public async mirror(record: PlanRecord): Promise<void> {
    const id = record.plan.id;
    const current = this.plans.plans.get(id) as StoredPlan;
    if (current.version !== record.plan.version) throw new DataError('conflict', 'HTTP 412');
    const p = record.process;
    this.plans.plans.set(id, {
      ...current,
      status: p.status,
      projectLead: p.projectLead,
      involvementLead: p.involvementLead,
      scopingMeeting: p.scopingMeeting,
      content: clone(record.plan.content),
      version: this.plans.bump()
    });
  }
}

/** An outbox in memory; entries are written by the signed-in user. */
export class InMemoryOutbox implements OutboxRepository {
  public readonly entries: OutboxEntry[] = [];
  public user: CurrentUser | undefined;
  public async unsent() {
    return this.entries.filter((e) => e.state !== 'sent');
  }
  public async add(planId: number, key: string, claimed: boolean) {
    const author = this.user ?? { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' };
    const mine = this.entries.find((e) => e.key === key && e.author.id === author.id);
    if (mine) return clone(mine);
    const e: OutboxEntry = {
      id: this.entries.length + 1,
      version: '"1"',
      planId,
      key,
      state: claimed ? 'sending' : 'pending',
      attempts: claimed ? 1 : 0,
      lastError: '',
      sentAt: null,
      messageId: '',
      updatedAt: new Date().toISOString(),
      author: { id: author.id, displayName: author.displayName, email: author.email }
    };
    this.entries.push(e);
    return clone(e);
  }
  private replace(entry: OutboxEntry): OutboxEntry {
    const i = this.entries.findIndex((e) => e.id === entry.id);
    this.entries[i] = entry;
    return clone(entry);
  }
  public async claim(entry: OutboxEntry) {
    const current = this.entries.find((e) => e.id === entry.id);
    if (!current || current.version !== entry.version) throw new DataError('conflict', 'HTTP 412');
    return this.replace({ ...entry, state: 'sending', attempts: entry.attempts + 1, version: `"${entry.attempts + 2}"` });
  }
  public async finish(entry: OutboxEntry, result: NotifyResult) {
    return this.replace(
      result.ok
        ? { ...entry, state: 'sent', messageId: result.messageId, sentAt: new Date().toISOString() }
        : { ...entry, state: 'failed', lastError: result.error }
    );
  }
}

/** Records what would be posted to Teams; fails while `failing` is set. */
export class RecordingNotifier {
  public readonly posted: string[] = [];
  public failing = false;
  public async post(_target: NotificationTarget, payload: string): Promise<NotifyResult> {
    if (this.failing) return { ok: false, retryable: false, error: 'HTTP 403: not a member of the team' };
    this.posted.push(payload);
    return { ok: true, messageId: String(this.posted.length) };
  }
}

export const priya: CurrentUser = {
  id: 2,
  displayName: 'Priya Shah',
  email: 'priya@x.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};

export const TEAM_CHANNEL: NotificationTarget = {
  kind: 'teamsChannel',
  teamId: 't1',
  channelId: 'c1',
  teamName: 'Involvement team',
  channelName: 'Plan submissions'
};

/** Every port in memory, around one plan repository. */
/** An in-memory stakeholder map with SharePoint's version rules and request-id idempotency. */
export class InMemoryStakeholders implements StakeholderRepository {
  public readonly items = new Map<number, Stakeholder>();
  private readonly requestIds = new Map<string, number>();
  public readonly failNextSaves: DataError[] = [];
  /** Failures to throw on the next adds, in order. */
  public readonly failNextAdds: DataError[] = [];
  private nextId = 1;
  private version = 1;
  /** Put stakeholders on a plan's map, as if added earlier. */
  public seed(planId: number, fields: readonly StakeholderFields[]): this {
    for (const f of fields) {
      const id = this.nextId++;
      this.items.set(id, { ...clone(f), history: [], planId, id, version: `"${this.version++}"` });
    }
    return this;
  }
  public async listForPlan(planId: number, onProgress?: (n: number) => void) {
    const found = [...this.items.values()].filter((s) => s.planId === planId).map(clone);
    onProgress?.(found.length);
    return found;
  }
  public async listForPlanChecked(planId: number, onProgress?: (n: number) => void): Promise<CheckedStakeholders> {
    return { stakeholders: await this.listForPlan(planId, onProgress), ignored: [], unreadable: [] };
  }
  public async get(id: number) {
    const s = this.items.get(id);
    if (!s) throw new DataError('notFound', `stakeholder ${id}`);
    return clone(s);
  }
  public async addMany(planId: number, items: readonly NewStakeholder[]) {
    const failure = this.failNextAdds.shift();
    if (failure) throw failure;
    return items.map((i) => {
      const existing = this.requestIds.get(i.requestId);
      if (existing !== undefined) return clone(this.items.get(existing) as Stakeholder);
      const s = { ...clone(i.fields), history: clone(i.history), planId, id: this.nextId++, version: `"${this.version++}"` };
      this.items.set(s.id, s);
      this.requestIds.set(i.requestId, s.id);
      return clone(s);
    });
  }
  public async save(s: Stakeholder) {
    const failure = this.failNextSaves.shift();
    if (failure) throw failure;
    const current = this.items.get(s.id);
    if (!current) throw new DataError('notFound', 'gone');
    if (current.version !== s.version) throw new DataError('conflict', 'HTTP 412');
    const saved = { ...clone(s), version: `"${this.version++}"` };
    this.items.set(saved.id, saved);
    return clone(saved);
  }
  /** Someone else changes a stakeholder (as another browser would). */
  public editElsewhere(id: number, change: (s: Stakeholder) => Stakeholder): void {
    this.items.set(id, { ...change(this.items.get(id) as Stakeholder), version: `"${this.version++}"` });
  }
  public async remove(id: number) {
    this.items.delete(id);
  }
}

/** An in-memory shared stakeholder list. */
export class InMemoryShared implements SharedStakeholderRepository {
  public readonly items = new Map<number, Stored<OrganisationStakeholder>>();
  private nextId = 1;
  public constructor(entries: Array<Omit<OrganisationStakeholder, 'id' | 'version'>> = []) {
    for (const e of entries) this.put(e);
  }
  private put(e: OrganisationStakeholder): Stored<OrganisationStakeholder> {
    const id = e.id ?? this.nextId++;
    const v = { ...clone(e), id, version: `"${Date.now()}-${id}"` };
    this.items.set(id, v);
    return v;
  }
  public async list() {
    return [...this.items.values()].map(clone).sort((a, b) => a.name.localeCompare(b.name));
  }
  public async add(e: OrganisationStakeholder) {
    return clone(this.put({ ...e, id: undefined }));
  }
  public async save(e: Stored<OrganisationStakeholder>) {
    return clone(this.put(e));
  }
  public async remove(id: number) {
    this.items.delete(id);
  }
}

export function servicesWith(
  plans: PlanRepository,
  user: CurrentUser = priya,
  extra: {
    notifier?: RecordingNotifier;
    outbox?: InMemoryOutbox;
    channel?: NotificationTarget;
    stakeholders?: InMemoryStakeholders;
    shared?: InMemoryShared;
    records?: InMemoryRecords;
    responses?: InMemoryResponses;
    signOffs?: InMemorySignOffs;
    involvementSettings?: InvolvementSettingsStore;
    provisioner?: ListProvisioner;
    /** The Purview retention label setting ('' for none). */
    retentionLabel?: { current: string };
    insight?: FakeInsight;
  } = {}
): Services {
  const label = extra.retentionLabel ?? { current: '' };
  const channel = { current: 'channel' in extra ? extra.channel : TEAM_CHANNEL };
  const outbox = extra.outbox ?? new InMemoryOutbox();
  outbox.user = user;
  const stakeholders = extra.stakeholders ?? new InMemoryStakeholders();
  return {
    plans,
    stakeholders,
    sharedStakeholders: extra.shared ?? new InMemoryShared(),
    users: {
      currentUser: async () => user,
      siteOwners: async () => [],
      siteUsers: async () => [
        { id: 4, displayName: 'Jo Bennett', email: 'jo@x' },
        { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' }
      ],
      entraObjectId: async (person) => `entra-${person.id}`
    },
    provisioner: extra.provisioner ?? {
      check: async () => ({ ready: true, missing: [], conflicts: [] }),
      ensure: async () => ({ ready: true, missing: [], conflicts: [] })
    },
    workflow: new InMemoryWorkflow(plans as InMemoryPlans, outbox, user, async () => channel.current, stakeholders),
    outbox,
    notifier: extra.notifier ?? new RecordingNotifier(),
    settings: {
      notificationTarget: async () => channel.current,
      setNotificationTarget: async (t) => {
        channel.current = t;
      },
      retentionLabel: async () => label.current,
      setRetentionLabel: async (name) => {
        label.current = name;
      }
    },
    involvementSettings: extra.involvementSettings ?? new InMemorySettingsStore(),
    secrets: { workflowWebhookUrl: async () => undefined, setWorkflowWebhookUrl: async () => undefined },
    teams: {
      joinedTeams: async () => [{ id: 't1', displayName: 'Involvement team' }],
      channels: async () => [{ id: 'c1', displayName: 'Plan submissions' }]
    },
    buildMessage: (plan) => JSON.stringify({ title: plan.content.project.title }),
    links: (planId) => ({ web: `https://example.test/planner#plan=${planId}` }),
    records: extra.records ?? new InMemoryRecords(),
    signOffs: extra.signOffs ?? new InMemorySignOffs(),
    responses: extra.responses ?? new InMemoryResponses(),
    buildLeadNotice: (notice, via) =>
      JSON.stringify({ via, to: notice.change.to, lead: notice.lead, comment: notice.change.comment, link: notice.planLink }),
    reviewLinks: (planId) => ({ web: `https://example.test/dashboard#review=${planId}` }),
    leadLink: (planId) => `https://teams.example.test/my-plans/plan-${planId}`,
    buildFeedbackNotice: (notice, via) => JSON.stringify({ via, kind: 'youSaidWeDid', ...notice }),
    insight: extra.insight ?? new FakeInsight()
  };
}

/** An in-memory store of after-engagement records with SharePoint's version rules (a stale version is a conflict). */
export class InMemoryRecords implements EngagementRecordRepository {
  public readonly records = new Map<number, EngagementRecord>();
  public readonly failNextSaves: DataError[] = [];
  public saves = 0;
  private version = 1;

  public async forPlan(planId: number): Promise<EngagementRecord | undefined> {
    const r = this.records.get(planId);
    return r && clone(r);
  }

  public async start(plan: StoredPlan): Promise<EngagementRecord> {
    const found = this.records.get(plan.id);
    if (found) return clone(found);
    const r: EngagementRecord = {
      id: plan.id,
      version: `"${this.version++}"`,
      planId: plan.id,
      content: emptyRecordContent(),
      modified: '',
      modifiedBy: ''
    };
    this.records.set(plan.id, r);
    return clone(r);
  }

  /** The report deadline (weeks) the last save was given, kept beside the record for the annual report. */
  public lastReportDueWeeks: number | undefined;

  public async save(record: EngagementRecord, _plan: StoredPlan, reportDueWeeks: number): Promise<EngagementRecord> {
    this.saves += 1;
    this.lastReportDueWeeks = reportDueWeeks;
    const failure = this.failNextSaves.shift();
    if (failure) throw failure;
    const current = this.records.get(record.planId);
    if (!current || current.version !== record.version) throw new DataError('conflict', 'Someone else saved the record.');
    const saved = { ...clone(record), version: `"${this.version++}"` };
    this.records.set(record.planId, saved);
    return clone(saved);
  }

  /** What the record's version history returns (set by a test). */
  public history: RecordChange[] = [];
  public async changes(): Promise<RecordChange[]> {
    return clone(this.history);
  }

  /** What the annual report's period read returns. */
  public period: PeriodRecords = { summaries: [], unreadable: [] };
  public async listForPeriod(): Promise<PeriodRecords> {
    return clone(this.period);
  }
}

/** In-memory sign-offs (add once by request id). */
export class InMemorySignOffs implements SignOffRepository {
  public readonly items: Array<SignOff & { requestId: string }> = [];

  public async forPlan(planId: number): Promise<SignOff[]> {
    return clone(this.items.filter((s) => s.planId === planId));
  }

  public async add(planId: number, snapshot: EngagementRecordContent, comment: string, requestId: string): Promise<SignOff> {
    const found = this.items.find((s) => s.requestId === requestId);
    if (found) return clone(found);
    const s = {
      id: this.items.length + 1,
      planId,
      snapshot: clone(snapshot),
      comment,
      by: { id: 4, displayName: 'Jo Bennett', email: 'jo@x' },
      at: new Date().toISOString(),
      requestId
    };
    this.items.push(s);
    return clone(s);
  }
}

/** In-memory responses with SharePoint's rules: one item per row key, a stale version is a conflict. */
export class InMemoryResponses implements ResponseRepository {
  public readonly items: EngagementResponse[] = [];
  /**
   * Failures for the next addMany calls, after adding `landFirst` rows of it (a $batch is not a
   * transaction); when that is every row, they all land and the answer is lost.
   */
  public readonly failNextAdds: Array<{ error: DataError; landFirst: number }> = [];
  public readonly retention: Array<{ planId: number; retainUntil: string; label: string }> = [];
  private version = 1;
  public userId = 2;

  /** Failures for the next reads. */
  public readonly failNextReads: DataError[] = [];

  public async forPlan(planId: number): Promise<PlanResponses> {
    const failure = this.failNextReads.shift();
    if (failure) throw failure;
    return { responses: clone(this.items.filter((r) => r.planId === planId)), ignored: [] };
  }

  public async addMany(planId: number, rows: readonly NewResponse[], onProgress?: (added: number) => void): Promise<EngagementResponse[]> {
    const failure = this.failNextAdds.shift();
    const todo = rows.filter((r) => !this.items.some((i) => i.planId === planId && i.rowKey === r.rowKey));
    for (const [n, r] of todo.entries()) {
      if (failure && n >= failure.landFirst) throw failure.error;
      this.items.push({
        ...clone(r.fields),
        id: this.items.length + 1,
        version: `"${this.version++}"`,
        planId,
        rowKey: r.rowKey,
        source: r.source,
        retainUntil: null,
        authorId: this.userId,
        editorId: this.userId,
        modified: new Date().toISOString()
      });
    }
    // Every row landed, but the answer was lost on the way back.
    if (failure) throw failure.error;
    onProgress?.(rows.length);
    return (await this.forPlan(planId)).responses;
  }

  public async save(response: EngagementResponse): Promise<EngagementResponse> {
    const i = this.items.findIndex((r) => r.id === response.id);
    if (i < 0 || this.items[i].version !== response.version) throw new DataError('conflict', 'Someone else saved this response.');
    this.items[i] = { ...clone(response), version: `"${this.version++}"`, editorId: this.userId };
    return clone(this.items[i]);
  }

  public async applyRetention(planId: number, retainUntil: string, label: string): Promise<number> {
    this.retention.push({ planId, retainUntil, label });
    let n = 0;
    for (const [i, r] of this.items.entries())
      if (r.planId === planId && r.retainUntil !== retainUntil) {
        this.items[i] = { ...r, retainUntil };
        n += 1;
      }
    return n;
  }
}

/** What earlier plans heard, in memory: every word must match (as the real search does); fails while `failNext` has errors. */
export class FakeInsight implements InsightRepository {
  public readonly failNext: DataError[] = [];
  public readonly calls: Array<{ query: string; excludePlanId?: number }> = [];
  public constructor(private readonly entries: InsightResult[] = []) {}
  public async search(query: string, options: { excludePlanId?: number; onProgress?: (n: number) => void } = {}): Promise<InsightSearch> {
    this.calls.push({ query, excludePlanId: options.excludePlanId });
    const failure = this.failNext.shift();
    if (failure) throw failure;
    options.onProgress?.(this.entries.length);
    const words = searchWords(query);
    const results = this.entries.filter((e) => e.planId !== options.excludePlanId && matchesWords(e.text, words));
    return { results, searched: this.entries.length, limited: false, more: false };
  }
}
