import {
  DataError, PLAN_STATUSES, type CurrentUser, type InvolvementPlan, type PlanContent, type PlanRepository, type PlanStatus
} from '../../src/domain';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
import type { Services } from '../../src/ui';

/**
 * An in-memory plan repository with SharePoint's version rules (a stale version is a conflict).
 * It stands in for the port, not for SharePoint: the SharePoint adapter is tested through the
 * workbench stand-in.
 */
export class InMemoryPlans implements PlanRepository {
  public readonly plans = new Map<number, InvolvementPlan>();
  /** Failures to throw on the next saves, in order. */
  public readonly failNextSaves: DataError[] = [];
  public saves = 0;
  private nextId = 1;
  private version = 1;

  public add(content: PlanContent, lead = { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' }, status: PlanStatus = 'draft'): InvolvementPlan {
    const plan: InvolvementPlan = { id: this.nextId++, version: `"${this.version++}"`, status, projectLead: lead, involvementLead: null, scopingMeeting: null, content, modified: new Date().toISOString() };
    this.plans.set(plan.id as number, plan);
    return plan;
  }

  /** Someone else saves the plan (as another browser would). */
  public editElsewhere(id: number, change: (c: PlanContent) => PlanContent): void {
    const plan = this.plans.get(id) as InvolvementPlan;
    this.plans.set(id, { ...plan, content: change(plan.content), version: `"${this.version++}"` });
  }

  public async listForLead(leadUserId: number) {
    return { items: [...this.plans.values()].filter((p) => p.projectLead?.id === leadUserId).map((p) => ({ id: p.id as number, title: p.content.project.title, status: p.status, projectLead: p.projectLead, involvementLead: null, organisation: '', placeName: '', chosenLevel: null, formalConsultationLikely: false, decisionDate: null, nextKeyDate: null, modified: p.modified ?? '' })), unreadable: [] };
  }
  public async countByStatus() { return Object.fromEntries(PLAN_STATUSES.map((s) => [s, [...this.plans.values()].filter((p) => p.status === s).length])) as Record<PlanStatus, number>; }
  public async get(id: number) {
    const plan = this.plans.get(id);
    if (!plan) throw new DataError('notFound', `plan ${id}`);
    return clone(plan);
  }
  public async create(content: PlanContent) { return this.add(content); }
  public async save(plan: InvolvementPlan) {
    this.saves += 1;
    const failure = this.failNextSaves.shift();
    if (failure) throw failure;
    const current = this.plans.get(plan.id as number);
    if (!current) throw new DataError('notFound', 'gone');
    if (current.version !== plan.version) throw new DataError('conflict', 'HTTP 412');
    const saved = { ...current, content: clone(plan.content), version: `"${this.version++}"`, modified: new Date().toISOString() };
    this.plans.set(saved.id as number, saved);
    return clone(saved);
  }
  public async remove(id: number) { this.plans.delete(id); }
}

export const priya: CurrentUser = { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk', isSiteOwner: false, isInvolvementTeam: false };

export function servicesWith(plans: PlanRepository, user: CurrentUser = priya): Services {
  return {
    plans,
    users: { currentUser: async () => user, siteOwners: async () => [] },
    provisioner: { check: async () => ({ ready: true, missing: [], conflicts: [] }), ensure: async () => ({ ready: true, missing: [], conflicts: [] }) }
  };
}
