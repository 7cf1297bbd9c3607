import {
  DataError,
  emptyRecordContent,
  type EngagementRecord,
  type EngagementRecordContent,
  type EngagementRecordRepository,
  type RecordSummary,
  type SignOff,
  type SignOffRepository,
  DEFAULT_SETTINGS,
  diffSettings,
  involvementSettingsSchema,
  PLAN_STATUSES,
  planContentSchema,
  readDefensibleRecord,
  type DefensibleRecord,
  type InvolvementSettings,
  type InvolvementSettingsStore,
  type SavedSettings,
  type SettingsChangeRecord,
  type CurrentUser,
  type StoredPlan,
  type NotificationTarget,
  type NotifyResult,
  type OutboxEntry,
  type OutboxRepository,
  type PlanContent,
  type NewStakeholder,
  type OrganisationStakeholder,
  type SharedStakeholderRepository,
  type Stakeholder,
  type StakeholderFields,
  type Stored,
  type StakeholderRepository,
  type PlanQuery,
  type TeamDecisions,
  type PlanRepository,
  type PlanStatus,
  type PlanWorkflowRepository,
  type StatusHistoryEntry,
  type UnreadablePlan
} from '../../src/domain';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
import type { Services } from '../../src/ui';

/**
 * An in-memory plan repository with SharePoint's version rules (a stale version is a conflict).
 * It stands in for the port, not for SharePoint: the SharePoint adapter is tested through the
 * workbench stand-in.
 */
export class InMemoryPlans implements PlanRepository {
  public readonly plans = new Map<number, StoredPlan>();
  /** Failures to throw on the next saves, in order. */
  public readonly failNextSaves: DataError[] = [];
  public saves = 0;
  private nextId = 1;
  private version = 1;

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
    this.plans.set(plan.id as number, plan);
    return plan;
  }

  /** Someone else saves the plan (as another browser would). */
  public editElsewhere(id: number, change: (c: PlanContent) => PlanContent): void {
    const plan = this.plans.get(id) as StoredPlan;
    this.plans.set(id, { ...plan, content: change(plan.content), version: `"${this.version++}"` });
  }

  /** Plans whose stored data cannot be read (as the SharePoint repository reports them). */
  public readonly unreadable: UnreadablePlan[] = [];

  public async listForLead(leadUserId: number) {
    return {
      items: [...this.plans.values()]
        .filter((p) => p.projectLead?.id === leadUserId)
        .map((p) => ({
          id: p.id as number,
          title: p.content.project.title,
          status: p.status,
          projectLead: p.projectLead,
          involvementLead: null,
          organisation: '',
          placeName: '',
          chosenLevel: null,
          formalConsultationLikely: false,
          decisionDate: null,
          nextKeyDate: null,
          modified: p.modified ?? ''
        })),
      unreadable: [...this.unreadable]
    };
  }
  public async query(filter: PlanQuery) {
    const page = await this.listForLead(-1);
    const all = [...this.plans.values()].filter(
      (p) =>
        (!filter.status || p.status === filter.status) && (!filter.organisation || p.content.project.organisation === filter.organisation)
    );
    return {
      ...page,
      items: all.map((p) => ({
        id: p.id as number,
        title: p.content.project.title,
        status: p.status,
        projectLead: p.projectLead,
        involvementLead: p.involvementLead,
        organisation: p.content.project.organisation,
        placeName: p.content.project.placeName,
        chosenLevel: p.content.level.chosen,
        formalConsultationLikely: false,
        decisionDate: p.content.project.decisionDate || null,
        nextKeyDate: null,
        modified: p.modified ?? ''
      }))
    };
  }
  public async countByStatus() {
    const byStatus = Object.fromEntries(
      PLAN_STATUSES.map((s) => [s, [...this.plans.values()].filter((p) => p.status === s).length])
    ) as Record<PlanStatus, number>;
    return { byStatus, unreadable: [...this.unreadable] };
  }
  public async get(id: number) {
    const plan = this.plans.get(id);
    if (!plan) throw new DataError('notFound', `plan ${id}`);
    return clone(plan);
  }
  public async create(content: PlanContent) {
    return this.add(content);
  }
  public async save(plan: StoredPlan) {
    this.saves += 1;
    const failure = this.failNextSaves.shift();
    if (failure) throw failure;
    const current = this.plans.get(plan.id as number);
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
    this.plans.set(saved.id as number, saved);
    // The write landed, but reading it back failed (as SharePoint can when throttled between the two).
    const readBack = this.failNextReadBacks.shift();
    if (readBack) throw readBack;
    return clone(saved);
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

/** Status changes on the in-memory plans, with SharePoint's version rule. */
export class InMemoryWorkflow implements PlanWorkflowRepository {
  public readonly entries: StatusHistoryEntry[] = [];
  public constructor(private readonly plans: InMemoryPlans) {}
  public async changeStatus(plan: StoredPlan, to: PlanStatus, by: CurrentUser, comment: string) {
    const current = await this.plans.get(plan.id as number);
    if (current.version !== plan.version) throw new DataError('conflict', 'HTTP 412');
    this.plans.plans.set(plan.id as number, { ...current, status: to, version: `"${Date.now()}"` });
    this.entries.push({ planId: plan.id as number, from: plan.status, to, by, at: new Date().toISOString(), comment });
    return this.plans.get(plan.id as number);
  }
  public async history(planId: number) {
    return this.entries.filter((e) => e.planId === planId);
  }
  public async updateTeamDecisions(plan: StoredPlan, changes: TeamDecisions, by: CurrentUser, note: string) {
    const current = await this.plans.get(plan.id as number);
    if (current.version !== plan.version) throw new DataError('conflict', 'HTTP 412');
    const next: StoredPlan = {
      ...current,
      version: `"${Date.now()}"`,
      involvementLead: changes.involvementLead ?? current.involvementLead,
      scopingMeeting: changes.scopingMeeting ?? current.scopingMeeting,
      content: changes.confirmedLevel
        ? { ...current.content, level: { ...current.content.level, chosen: changes.confirmedLevel, confirmedByTeam: true } }
        : current.content
    };
    this.plans.plans.set(plan.id as number, next);
    if (note)
      this.entries.push({ planId: plan.id as number, from: plan.status, to: plan.status, by, at: new Date().toISOString(), comment: note });
    return this.plans.get(plan.id as number);
  }
}

/** An outbox in memory. */
export class InMemoryOutbox implements OutboxRepository {
  public readonly entries: OutboxEntry[] = [];
  public async findByKey(key: string) {
    return this.entries.find((e) => e.key === key);
  }
  public async unsent() {
    return this.entries.filter((e) => e.state !== 'sent');
  }
  public async latestForPlan(planId: number) {
    return [...this.entries].reverse().find((e) => e.planId === planId);
  }
  public async add(entry: OutboxEntry) {
    const e = { ...entry, id: this.entries.length + 1, version: '"1"' };
    this.entries.push(e);
    return e;
  }
  private replace(entry: OutboxEntry): OutboxEntry {
    const i = this.entries.findIndex((e) => e.id === entry.id);
    this.entries[i] = entry;
    return entry;
  }
  public async claim(entry: OutboxEntry) {
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
    const current = this.items.get(s.id as number);
    if (!current) throw new DataError('notFound', 'gone');
    if (current.version !== s.version) throw new DataError('conflict', 'HTTP 412');
    const saved = { ...clone(s), version: `"${this.version++}"` };
    this.items.set(saved.id as number, saved);
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
    signOffs?: InMemorySignOffs;
    involvementSettings?: InvolvementSettingsStore;
  } = {}
): Services {
  const channel = { current: 'channel' in extra ? extra.channel : TEAM_CHANNEL };
  return {
    plans,
    stakeholders: extra.stakeholders ?? new InMemoryStakeholders(),
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
    provisioner: {
      check: async () => ({ ready: true, missing: [], conflicts: [] }),
      ensure: async () => ({ ready: true, missing: [], conflicts: [] })
    },
    workflow: new InMemoryWorkflow(plans as InMemoryPlans),
    outbox: extra.outbox ?? new InMemoryOutbox(),
    notifier: extra.notifier ?? new RecordingNotifier(),
    settings: {
      notificationTarget: async () => channel.current,
      setNotificationTarget: async (t) => {
        channel.current = t;
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
    buildLeadNotice: (notice, via) =>
      JSON.stringify({ via, to: notice.change.to, lead: notice.lead, comment: notice.change.comment, link: notice.planLink }),
    reviewLinks: (planId) => ({ web: `https://example.test/dashboard#review=${planId}` }),
    leadLink: (planId) => `https://teams.example.test/my-plans/plan-${planId}`
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

  public async save(record: EngagementRecord): Promise<EngagementRecord> {
    this.saves += 1;
    const failure = this.failNextSaves.shift();
    if (failure) throw failure;
    const current = this.records.get(record.planId);
    if (!current || current.version !== record.version) throw new DataError('conflict', 'Someone else saved the record.');
    const saved = { ...clone(record), version: `"${this.version++}"` };
    this.records.set(record.planId, saved);
    return clone(saved);
  }

  public async listForPeriod(): Promise<RecordSummary[]> {
    return [];
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
