/**
 * Issue 14/15: a team decision is one add to "Plan decisions"; the plan item's stored copies are
 * then brought in line, and that write can fail on its own. The next team member who opens the
 * plan puts copies that are one decision behind right; copies a lead set themselves are left
 * "Unconfirmed" for the team to see and correct.
 */
import { applyTeamAction, completeRecord, DataError, emptyPlanContent, type CurrentUser } from '../../src/domain';
import { InMemoryPlans, servicesWith } from './fakes';

const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true };
const links = { web: 'https://x/planner#plan=1' };

it('copies left one decision behind by a failed write are put right when a team member opens the plan', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(emptyPlanContent(), undefined, 'submitted');
  const services = servicesWith(repo, jo);
  const realMirror = services.workflow.mirror.bind(services.workflow);
  services.workflow.mirror = async () => {
    throw new DataError('unavailable', 'HTTP 503 writing the copies');
  };
  const result = await applyTeamAction(
    services,
    await services.workflow.record(plan.id),
    { kind: 'requestChanges', comment: 'Add dates.' },
    jo
  );
  expect(result.copiesPending).toBe(true);
  expect(repo.plans.get(plan.id)?.status).toBe('submitted');
  expect(result.record.process.unconfirmed.map((u) => u.what)).toEqual(['status']);
  services.workflow.mirror = realMirror;
  const opened = await completeRecord(services, await services.workflow.record(plan.id), jo, links);
  expect(opened.record.process.unconfirmed).toEqual([]);
  expect(repo.plans.get(plan.id)?.status).toBe('changesRequested');
});

it('a Status a lead set themselves stays unconfirmed when a team member opens the plan', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(emptyPlanContent());
  repo.plans.set(plan.id, { ...plan, status: 'accepted' });
  const services = servicesWith(repo, jo);
  const opened = await completeRecord(services, await services.workflow.record(plan.id), jo, links);
  expect(opened.record.process.unconfirmed.map((u) => u.what)).toEqual(['status']);
  expect(repo.plans.get(plan.id)?.status).toBe('accepted');
});
