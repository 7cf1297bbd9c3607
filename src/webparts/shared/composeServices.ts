import type { SPFI } from '@pnp/sp';
import type { GraphFI } from '@pnp/graph';
import { GraphChannelNotifier } from '../../data/graph/GraphChannelNotifier';
import { GraphTeamsDirectory } from '../../data/graph/GraphTeamsDirectory';
import { SpOutboxRepository } from '../../data/sharepoint/SpOutboxRepository';
import { SpInvolvementSettingsStore } from '../../data/sharepoint/SpInvolvementSettingsStore';
import { SpSettingsRepository } from '../../data/sharepoint/SpSettingsRepository';
import { SpWorkflowRepository } from '../../data/sharepoint/SpWorkflowRepository';
import { buildSubmissionMessage } from '../../data/teams/submissionCard';
import { buildLeadNoticeMessage } from '../../data/teams/leadNoticeMessage';
import { RoutingNotifier, WorkflowWebhookNotifier } from '../../data/teams/WorkflowWebhookNotifier';
import { SpSecretsRepository } from '../../data/sharepoint/SpSecretsRepository';
import { SpListProvisioner } from '../../data/sharepoint/SpListProvisioner';
import { SpEngagementRecords, SpSignOffs } from '../../data/sharepoint/SpEngagementRecords';
import { SpPlanRepository } from '../../data/sharepoint/SpPlanRepository';
import { SpUserDirectory } from '../../data/sharepoint/SpUserDirectory';
import { SpSharedStakeholderRepository, SpStakeholderRepository } from '../../data/sharepoint/SpStakeholderRepository';
import type { Services } from '../../ui/shell/services';
import { isSiteAddress, pageLinkToPlan, planSubEntityId, tabDeepLink, teamReviewLinks } from '../../domain';

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

/** Build the ports from PnPjs (SharePoint and Graph): used by both web parts and by the local workbench. */
export function composeServices(sp: SPFI, graph: GraphFI, plannerPageUrl: string): Services {
  return {
    plans: new SpPlanRepository(sp),
    users: new SpUserDirectory(sp),
    provisioner: new SpListProvisioner(sp),
    workflow: new SpWorkflowRepository(sp),
    outbox: new SpOutboxRepository(sp),
    settings: new SpSettingsRepository(sp),
    involvementSettings: new SpInvolvementSettingsStore(sp),
    secrets: new SpSecretsRepository(sp),
    stakeholders: new SpStakeholderRepository(sp),
    sharedStakeholders: new SpSharedStakeholderRepository(sp),
    notifier: new RoutingNotifier(new GraphChannelNotifier(graph), new WorkflowWebhookNotifier(new SpSecretsRepository(sp))),
    teams: new GraphTeamsDirectory(graph),
    buildMessage: buildSubmissionMessage,
    records: new SpEngagementRecords(sp),
    signOffs: new SpSignOffs(sp),
    buildLeadNotice: buildLeadNoticeMessage,
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
