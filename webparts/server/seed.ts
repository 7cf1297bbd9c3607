/**
 * Sample data for a new workbench, written through the product's own adapters (PnPjs against
 * the stand-in) so seeding also exercises the real data path. Everything is labelled sample.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { listDefinition, PLAN } from '../../src/data/sharepoint/lists';
import { statusLabel } from '../../src/data/sharepoint/planMapper';
import { emptyPlanContent, PLAN_STATUSES, type PlanContent, type PlanStatus } from '../../src/domain';
import '@pnp/sp/items';
import { SAMPLE_TEAMS, SAMPLE_USERS } from './directory';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';

const SAMPLE_PLANS: Array<{ title: string; lead: number; status: PlanStatus; organisation: string; place: string; decision: string }> = [
  { title: 'Sample: Overnight opening of Riverside minor injuries unit', lead: 2, status: 'draft', organisation: 'Sample North ICB', place: 'Riverside', decision: '2027-06-30' },
  { title: 'Sample: New diabetes education sessions', lead: 2, status: 'submitted', organisation: 'Sample North ICB', place: 'Hillside', decision: '2027-04-15' },
  { title: 'Sample: Moving phlebotomy to the community hub', lead: 3, status: 'inReview', organisation: 'Sample Community Trust', place: 'Eastfield', decision: '2027-05-20' },
  { title: 'Sample: Changes to the GP out-of-hours booking line', lead: 3, status: 'changesRequested', organisation: 'Sample North ICB', place: '', decision: '2027-03-01' },
  { title: 'Sample: Mental health crisis café', lead: 2, status: 'accepted', organisation: 'Sample Mental Health Trust', place: 'Riverside', decision: '2027-09-10' },
  { title: 'Sample: Maternity continuity of carer', lead: 3, status: 'inDelivery', organisation: 'Sample Hospitals Trust', place: '', decision: '2027-02-01' },
  { title: 'Sample: Wheelchair service redesign', lead: 2, status: 'reporting', organisation: 'Sample North ICB', place: 'Hillside', decision: '2026-12-15' },
  { title: 'Sample: Patient transport eligibility', lead: 3, status: 'closed', organisation: 'Sample North ICB', place: '', decision: '2026-09-30' }
];

const ORGANISATION_STAKEHOLDERS = [
  { Title: 'Sample Healthwatch Riverside', ipKind: 'organisation', ipCatalogueEntry: 'healthwatch', ipEmail: 'info@healthwatch-sample.org.uk' },
  { Title: 'Sample Health Overview and Scrutiny Committee', ipKind: 'organisation', ipCatalogueEntry: 'hosc', ipEmail: '' },
  { Title: 'Sample Riverside Carers Network', ipKind: 'group', ipCatalogueEntry: 'carers', ipEmail: '' },
  { Title: 'Sample Hillside Patient Participation Group', ipKind: 'group', ipCatalogueEntry: 'gps-ppgs', ipEmail: '' },
  { Title: 'Sample Eastfield Refugee Welcome', ipKind: 'organisation', ipCatalogueEntry: 'community-organisations', ipEmail: '' },
  { Title: 'Sample Youth Voice Forum', ipKind: 'group', ipCatalogueEntry: 'young-peoples-groups', ipEmail: '' },
  { Title: 'Sample Age Well Partnership', ipKind: 'organisation', ipCatalogueEntry: 'older-peoples-groups', ipEmail: '' },
  { Title: 'Sample VCSE Alliance', ipKind: 'organisation', ipCatalogueEntry: 'vcse-groups', ipEmail: '' }
];

const PLAN_STAKEHOLDERS = [
  { Title: 'Sample Healthwatch Riverside', ipKind: 'organisation', ipCatalogueEntry: 'healthwatch', ipQuadrant: 'keepSatisfied', ipMayContact: true },
  { Title: 'Sample night-shift workers at Riverside depot', ipKind: 'group', ipCatalogueEntry: 'wider-public', ipQuadrant: 'keepInformed', ipMayContact: true },
  { Title: 'Sample Riverside Carers Network', ipKind: 'group', ipCatalogueEntry: 'carers', ipQuadrant: 'manageClosely', ipMayContact: true },
  { Title: 'Sample minor injuries unit staff', ipKind: 'group', ipCatalogueEntry: 'staff', ipQuadrant: 'manageClosely', ipMayContact: true },
  { Title: 'Sample local MP\'s office', ipKind: 'organisation', ipCatalogueEntry: 'local-mps', ipQuadrant: 'keepSatisfied', ipMayContact: false },
  { Title: 'Sample Riverside Gazette', ipKind: 'organisation', ipCatalogueEntry: 'media', ipQuadrant: 'monitor', ipMayContact: false }
];

function sampleContent(p: (typeof SAMPLE_PLANS)[number]): PlanContent {
  const content = emptyPlanContent();
  content.project.title = p.title;
  content.project.organisation = p.organisation;
  content.project.placeName = p.place;
  content.project.systemLevel = p.place ? 'place' : 'system';
  content.project.decisionDate = p.decision;
  content.project.currentService = 'Sample data: this describes the current service.';
  content.objectives.decisions = ['Sample decision this engagement will inform'];
  return content;
}

/** Provision the lists and add the sample plans, stakeholders and history. */
export async function seedWorkbench(siteUrl: string): Promise<void> {
  const owner = spForUrl(siteUrl, { 'x-workbench-user': '1' });
  await new SpListProvisioner(owner).ensure();
  const plansList = owner.web.lists.getByTitle(listDefinition('plans').title);
  const history = owner.web.lists.getByTitle(listDefinition('statusHistory').title);
  for (const [index, p] of SAMPLE_PLANS.entries()) {
    const leadUser = SAMPLE_USERS.find((u) => u.id === p.lead);
    if (!leadUser) continue;
    const repo = new SpPlanRepository(spForUrl(siteUrl, { 'x-workbench-user': String(p.lead) }));
    const plan = await repo.create(sampleContent(p), { id: leadUser.id, displayName: leadUser.title, email: leadUser.email }, `sample-${index}`);
    const path = PLAN_STATUSES.slice(0, PLAN_STATUSES.indexOf(p.status) + 1).filter((s) => s !== 'changesRequested' || p.status === 'changesRequested');
    for (let i = 1; i < path.length; i += 1) {
      await history.items.add({
        Title: `${statusLabel(path[i - 1])} → ${statusLabel(path[i])}`, ipPlanId: plan.id, ipFromStatus: statusLabel(path[i - 1]),
        ipToStatus: statusLabel(path[i]), ipChangedById: path[i] === 'submitted' ? p.lead : 4, ipChangedAt: new Date().toISOString(),
        ipComment: path[i] === 'changesRequested' ? 'Sample comment: please add the decision date and who is affected.' : ''
      });
    }
    if (p.status !== 'draft') {
      await plansList.items.getById(plan.id as number).update({
        [PLAN.status]: statusLabel(p.status),
        ...(['accepted', 'inDelivery', 'reporting', 'closed'].includes(p.status) ? { [`${PLAN.involvementLead}Id`]: 4, [PLAN.chosenLevel]: 'involve' } : {}),
        ...(p.status !== 'submitted' ? { [PLAN.scopingMeeting]: `${p.decision.slice(0, 4)}-01-15T10:00:00Z` } : {})
      }, plan.version);
    }
  }
  // A stakeholder map for the first sample plan (its lead adds them, as in the product).
  const firstPlan = await owner.web.lists.getByTitle(listDefinition('plans').title).items.filter(`${PLAN.requestId} eq 'sample-0'`).select('Id')<Array<{ Id: number }>>();
  const priyaStakeholders = spForUrl(siteUrl, { 'x-workbench-user': '2' }).web.lists.getByTitle(listDefinition('planStakeholders').title);
  for (const s of PLAN_STAKEHOLDERS) await priyaStakeholders.items.add({ ...s, ipPlanId: firstPlan[0].Id, ipEmail: '', ipPhone: '', ipNotes: 'Sample data' });
  // The involvement team's channel for submission cards.
  const team = SAMPLE_TEAMS[0];
  await new SpSettingsRepository(owner).setNotificationTarget({ kind: 'teamsChannel', teamId: team.id, channelId: team.channels[1].id, teamName: team.displayName, channelName: team.channels[1].displayName });
  const shared = owner.web.lists.getByTitle(listDefinition('organisationStakeholders').title);
  for (const s of ORGANISATION_STAKEHOLDERS) await shared.items.add(s);
}
