/**
 * The Workflows webhook alternative through the stand-in: the URL lives in a list only site
 * owners can read; a lead's submission waits in the outbox; a site owner sends it, once.
 */
import { graphForUrl, spForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpSecretsRepository } from '../../src/data/sharepoint/SpSecretsRepository';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import { RoutingNotifier, WorkflowWebhookNotifier } from '../../src/data/teams/WorkflowWebhookNotifier';
import { sendNotification, submitPlan, workflowTarget, type CurrentUser, type SubmissionPorts } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const priya: CurrentUser = {
  id: 2,
  displayName: 'Priya Shah (Sample)',
  email: 'priya.shah@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};
const sp = (u: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) });

function portsAs(user: number): SubmissionPorts {
  return {
    workflow: new SpWorkflowRepository(sp(user)),
    outbox: new SpOutboxRepository(sp(user)),
    settings: new SpSettingsRepository(sp(user)),
    involvementSettings: new SpInvolvementSettingsStore(sp(user)),
    notifier: new RoutingNotifier(
      new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': String(user) })),
      new WorkflowWebhookNotifier(new SpSecretsRepository(sp(user)))
    ),
    buildMessage: buildSubmissionMessage,
    sleep: async () => undefined
  };
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(sp(USERS.owner)).ensure();
  await new SpSecretsRepository(sp(USERS.owner)).setWorkflowWebhookUrl(`${wb.baseUrl}/workflows/plan-submissions`);
  await new SpSettingsRepository(sp(USERS.owner)).setNotificationTarget(workflowTarget('Plan submissions flow'));
});
afterAll(async () => wb.close());

it('keeps the webhook address from everyone but site owners', async () => {
  await expect(new SpSecretsRepository(sp(USERS.priya)).workflowWebhookUrl()).rejects.toMatchObject({ kind: 'forbidden' });
  await expect(new SpSecretsRepository(sp(USERS.jo)).workflowWebhookUrl()).rejects.toMatchObject({ kind: 'forbidden' });
  expect(await new SpSecretsRepository(sp(USERS.owner)).workflowWebhookUrl()).toBe(`${wb.baseUrl}/workflows/plan-submissions`);
});

it("a lead's submission waits in the outbox; a site owner sends it through the webhook, once", async () => {
  const content = readyPlanContent();
  content.project.title = 'Webhook plan';
  const plan = await new SpPlanRepository(sp(USERS.priya)).create(content, priya, 'webhook-plan');
  await new SpStakeholderRepository(sp(USERS.priya)).addMany(
    plan.id,
    readyStakeholders().map((fields, i) => ({ requestId: `webhook-s${i}`, fields, history: [] }))
  );
  const links = { web: 'http://x/planner#plan=1' };
  const result = await submitPlan(portsAs(USERS.priya), plan.id, priya, links);
  expect(result.record.plan.status).toBe('submitted');
  expect(result.notification).toMatchObject({ kind: 'pending', reason: expect.stringContaining('Only a site owner can send') });

  const waiting = await new SpOutboxRepository(sp(USERS.owner)).unsent();
  expect(waiting).toHaveLength(1);
  const owner = portsAs(USERS.owner);
  expect(await sendNotification(owner, await owner.workflow.record(plan.id, { notificationTarget: true }), links)).toMatchObject({
    kind: 'sent'
  });
  const posted = wb.store.channelMessages().filter((m) => m.via === 'workflow');
  expect(posted).toHaveLength(1);
  expect(JSON.stringify(posted[0].body)).toContain('Webhook plan');
  expect(await new SpOutboxRepository(sp(USERS.owner)).unsent()).toEqual([]);
  // Sending again does nothing: it is already sent.
  expect(await sendNotification(owner, await owner.workflow.record(plan.id, { notificationTarget: true }), links)).toMatchObject({
    kind: 'sent'
  });
  expect(wb.store.channelMessages().filter((m) => m.via === 'workflow')).toHaveLength(1);
});
