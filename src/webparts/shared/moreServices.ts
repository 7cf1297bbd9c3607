import type { SPFI } from '@pnp/sp';
import type { GraphFI } from '@pnp/graph';
import { GraphChannelNotifier } from '../../data/graph/GraphChannelNotifier';
import { GraphTeamsDirectory } from '../../data/graph/GraphTeamsDirectory';
import { SpOutboxRepository } from '../../data/sharepoint/SpOutboxRepository';
import { SpSettingsRepository } from '../../data/sharepoint/SpSettingsRepository';
import { SpWorkflowRepository } from '../../data/sharepoint/SpWorkflowRepository';
import { RoutingNotifier, WorkflowWebhookNotifier } from '../../data/teams/WorkflowWebhookNotifier';
import { SpSecretsRepository } from '../../data/sharepoint/SpSecretsRepository';
import { SpSharedStakeholderRepository, SpStakeholderRepository } from '../../data/sharepoint/SpStakeholderRepository';
import { SpEngagementRecords, SpSignOffs } from '../../data/sharepoint/SpEngagementRecords';
import { SpResponses } from '../../data/sharepoint/SpResponses';
import { SpInsight } from '../../data/sharepoint/SpInsight';
import { buildSubmissionMessage } from '../../data/teams/submissionCard';
import { buildLeadNoticeMessage } from '../../data/teams/leadNoticeMessage';
import { buildFeedbackNoticeMessage } from '../../data/teams/feedbackNoticeMessage';
import type { Services } from '../../ui/shell/services';

/** The ports the first screens do not use, in their own chunk (see composeServices). */
export type MoreServices = Pick<
  Services,
  | 'workflow'
  | 'outbox'
  | 'settings'
  | 'secrets'
  | 'stakeholders'
  | 'sharedStakeholders'
  | 'notifier'
  | 'teams'
  | 'buildMessage'
  | 'buildLeadNotice'
  | 'buildFeedbackNotice'
  | 'records'
  | 'signOffs'
  | 'responses'
  | 'insight'
>;

/** Build the ports behind the plan's guide, review, submission and the team's settings. */
export async function moreServices(sp: SPFI, graph: () => Promise<GraphFI>): Promise<MoreServices> {
  const g = await graph();
  const secrets = new SpSecretsRepository(sp);
  return {
    workflow: new SpWorkflowRepository(sp),
    outbox: new SpOutboxRepository(sp),
    settings: new SpSettingsRepository(sp),
    secrets,
    stakeholders: new SpStakeholderRepository(sp),
    sharedStakeholders: new SpSharedStakeholderRepository(sp),
    notifier: new RoutingNotifier(new GraphChannelNotifier(g), new WorkflowWebhookNotifier(secrets)),
    teams: new GraphTeamsDirectory(g),
    buildMessage: buildSubmissionMessage,
    buildLeadNotice: buildLeadNoticeMessage,
    buildFeedbackNotice: buildFeedbackNoticeMessage,
    records: new SpEngagementRecords(sp),
    signOffs: new SpSignOffs(sp),
    responses: new SpResponses(sp),
    insight: new SpInsight(sp)
  };
}
