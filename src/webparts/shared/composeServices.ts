import type { SPFI } from '@pnp/sp';
import type { GraphFI } from '@pnp/graph';
import { SpUserDirectory } from '../../data/sharepoint/SpUserDirectory';
import { SpListsPort, SpSiteCheck } from '../../data/sharepoint/SpSiteCheck';
import {
  DataError,
  isSiteAddress,
  type EngagementRecordRepository,
  type InsightRepository,
  type InvolvementSettingsStore,
  type OutboxRepository,
  type SignOffRepository,
  type ResponseRepository,
  type PlanNotifier,
  type PlanStatus,
  type StatusOverview,
  type PlanRepository,
  type PlanSummaryPage,
  type PlanWorkflowRepository,
  type SecretsRepository,
  type SettingsRepository,
  type SharedStakeholderRepository,
  type StakeholderRepository,
  type TeamsDirectory
} from '../../domain';
import type { Services } from '../../ui/shell/services';
import { pageLinkToPlan, planSubEntityId, tabDeepLink, teamReviewLinks } from '../../domain';
import { fetchCode, lazyPort } from './lazyPort';
import type { MoreServices } from './moreServices';

/** What the first screens list and count. */
type PlanLists = Pick<PlanRepository, 'listForLead' | 'query'> & {
  statusOverview(counted?: Promise<ReadonlyMap<number, PlanStatus> | undefined>): Promise<StatusOverview>;
  listForLeadFrom(leadUserId: number, raw: readonly unknown[]): Promise<PlanSummaryPage>;
};

/** The Teams app id (manifest/manifest.json) and the personal tab that opens plans. */
export const TEAMS_APP_ID = '6f4a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b';
const TEAMS_PLANNER_ENTITY = 'my-plans';

/** Links to a plan: on the page it lives on (#plan=id) and as a Teams deep link to the personal tab. */
export function planLinks(pageUrl: string, planId: number): { web: string; teams: string } {
  return { web: pageLinkToPlan(pageUrl, planId), teams: leadPlanLink(planId) };
}

/** The Teams deep link that opens a plan in the lead's "My plans" personal app. */
export function leadPlanLink(planId: number): string {
  return tabDeepLink({ appId: TEAMS_APP_ID, entityId: TEAMS_PLANNER_ENTITY, subEntityId: planSubEntityId(planId) });
}

/**
 * Build the ports from PnPjs (SharePoint and Graph): used by both web parts and by the local
 * workbench. What the first screens need ("My plans", the dashboard's counts and queue, the lists
 * check) is built at once; the rest, and PnPjs's Graph client (`graph` creates it), are fetched
 * in one chunk the first time any of those ports is used.
 */
export function composeServices(sp: SPFI, graph: () => Promise<GraphFI>, plannerPageUrl: string): Services {
  let more: Promise<MoreServices> | undefined;
  let loaded: MoreServices | undefined;
  const notLoaded = (what: string): DataError =>
    new DataError('offline', `The part of the planner that writes ${what} has not loaded yet. Try again.`);
  const part = async <K extends keyof MoreServices>(key: K): Promise<MoreServices[K]> => {
    more ??= import(/* webpackChunkName: "services" */ './moreServices')
      .then((m) => m.moreServices(sp, graph))
      .then((m) => {
        loaded = m;
        return m;
      });
    try {
      return (await more)[key];
    } catch (error) {
      more = undefined;
      throw error;
    }
  };
  // Who is signed in and the lists check share one $batch at start-up.
  const site = new SpSiteCheck(sp);
  // The plan lists and the involvement settings are read through zod, which is not in the first
  // chunk: their readers are one chunk, fetched when ListsGate first reads the settings — alongside
  // the lists check's $batch, so no round trip waits for it. Reading a whole plan and writing
  // plans come with the other ports (the "services" chunk), the first time a plan is opened,
  // created or deleted. A chunk that cannot be fetched fails that call, and the screen offers "Try again".
  const startUp = (): Promise<typeof import('../../data/sharepoint/startUpData')> =>
    fetchCode(() => import(/* webpackChunkName: "plan-lists" */ '../../data/sharepoint/startUpData'), 'reads plans and settings');
  const summaries = lazyPort<PlanLists>(() => startUp().then((m) => new m.SpPlanSummaries(sp)));
  const tally = lazyPort<{
    counts(): Promise<Record<PlanStatus, number>>;
    recountAndSave(): Promise<{ counted: ReadonlyMap<number, PlanStatus> }>;
  }>(() => startUp().then((m) => new m.SpStatusTally(sp)));
  const wholePlans = lazyPort<Omit<PlanRepository, 'readMineAtStartUp'>>(() =>
    fetchCode(() => import(/* webpackChunkName: "services" */ '../../data/sharepoint/SpPlanRepository'), 'opens and saves plans').then(
      (m) => new m.SpPlanRepository(sp)
    )
  );
  const plans: PlanRepository = {
    // "My plans" at start-up: its first page came in the start-up $batch (by CAML's <UserID/>), so
    // only the team's decisions on those plans are left to read.
    readMineAtStartUp: () => site.readMyPlans(),
    listForLead: (leadUserId, pageToken) => {
      const early = pageToken === undefined ? site.takeMyPlans(leadUserId) : undefined;
      return early ? summaries.listForLeadFrom(leadUserId, early) : summaries.listForLead(leadUserId, pageToken);
    },
    query: (filter, pageToken) => summaries.query(filter, pageToken),
    countByStatus: () => tally.counts(),
    // Checking every plan also counts the tally again from the lists, and names plans the two count
    // differently. A recount that fails leaves the tally as it was; the check's answer still shows.
    statusOverview: () =>
      summaries.statusOverview(
        tally.recountAndSave().then(
          (r) => r.counted,
          () => undefined
        )
      ),
    get: (id) => wholePlans.get(id),
    create: (content, lead, requestId) => wholePlans.create(content, lead, requestId),
    save: (plan) => wholePlans.save(plan),
    remove: (id, version) => wholePlans.remove(id, version),
    recordAdvice: (plan, record) => wholePlans.recordAdvice(plan, record)
  };
  return {
    plans,
    users: new SpUserDirectory(sp, site),
    provisioner: new SpListsPort(sp, site),
    workflow: lazyPort<PlanWorkflowRepository>(() => part('workflow')),
    outbox: lazyPort<OutboxRepository>(() => part('outbox')),
    settings: lazyPort<SettingsRepository>(() => part('settings')),
    // Read at start-up with the lists check (every screen's advice uses them).
    involvementSettings: lazyPort<InvolvementSettingsStore>(() => startUp().then((m) => new m.SpInvolvementSettingsStore(sp))),
    secrets: lazyPort<SecretsRepository>(() => part('secrets')),
    stakeholders: lazyPort<StakeholderRepository>(() => part('stakeholders')),
    sharedStakeholders: lazyPort<SharedStakeholderRepository>(() => part('sharedStakeholders')),
    notifier: lazyPort<PlanNotifier>(() => part('notifier')),
    teams: lazyPort<TeamsDirectory>(() => part('teams')),
    // Building the card and the lead's notice is synchronous; they come in the same chunk as the
    // outbox and settings ports, which a submission or a decision reads (and so loads) before it builds them.
    buildMessage: (plan, links, submission, advice) => {
      if (!loaded) throw notLoaded('the Teams card');
      return loaded.buildMessage(plan, links, submission, advice);
    },
    buildLeadNotice: (notice, via) => {
      if (!loaded) throw notLoaded('the message to the lead');
      return loaded.buildLeadNotice(notice, via);
    },
    buildFeedbackNotice: (notice, via) => {
      if (!loaded) throw notLoaded('the card for the team');
      return loaded.buildFeedbackNotice(notice, via);
    },
    records: lazyPort<EngagementRecordRepository>(() => part('records')),
    signOffs: lazyPort<SignOffRepository>(() => part('signOffs')),
    responses: lazyPort<ResponseRepository>(() => part('responses')),
    insight: lazyPort<InsightRepository>(() => part('insight')),
    links: (planId) => planLinks(plannerPageUrl, planId),
    reviewLinks: (planId, target) => teamReviewLinks(target, planId, TEAMS_APP_ID, pageLinkToPlan(plannerPageUrl, planId)),
    leadLink: leadPlanLink
  };
}

/** Check the "site that holds the lists" property: empty (the organisation's planner site, or this site) or a site's https address. */
export function validateSiteUrl(value: string): string {
  if (!value.trim() || isSiteAddress(value)) return '';
  return 'Enter the full address of a SharePoint site, for example https://contoso.sharepoint.com/sites/involvement, or leave it empty.';
}
