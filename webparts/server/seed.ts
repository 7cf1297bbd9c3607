/**
 * Sample data for a new workbench, written through the product's own adapters (PnPjs against
 * the stand-in) so seeding also exercises the real data path. Everything is labelled sample.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { listDefinition, PLAN } from '../../src/data/sharepoint/lists';
import { statusLabel } from '../../src/data/sharepoint/planMapper';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { SpStatusTally } from '../../src/data/sharepoint/SpStatusTally';
import {
  countResponses,
  emptyPlanContent,
  emptyStakeholderFields,
  newSubmission,
  PLAN_STATUSES,
  withCountedThemes,
  type NewDecision,
  type OrganisationStakeholder,
  type PlanContent,
  type PlanStatus,
  type StakeholderFields
} from '../../src/domain';
import { SpSharedStakeholderRepository, SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import '@pnp/sp/items';
import { SAMPLE_TEAMS, SAMPLE_USERS } from './directory';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpEngagementRecords, SpSignOffs } from '../../src/data/sharepoint/SpEngagementRecords';
import { SpResponses } from '../../src/data/sharepoint/SpResponses';
import { sampleClosed, sampleDelivery, sampleReporting, sampleResponses } from './sampleRecords';

const SAMPLE_PLANS: Array<{ title: string; lead: number; status: PlanStatus; organisation: string; place: string; decision: string }> = [
  {
    title: 'Sample: Overnight opening of Riverside minor injuries unit',
    lead: 2,
    status: 'draft',
    organisation: 'Sample North ICB',
    place: 'Riverside',
    decision: '2027-06-30'
  },
  {
    title: 'Sample: New diabetes education sessions',
    lead: 2,
    status: 'submitted',
    organisation: 'Sample North ICB',
    place: 'Hillside',
    decision: '2027-04-15'
  },
  {
    title: 'Sample: Moving phlebotomy to the community hub',
    lead: 3,
    status: 'inReview',
    organisation: 'Sample Community Trust',
    place: 'Eastfield',
    decision: '2027-05-20'
  },
  {
    title: 'Sample: Changes to the GP out-of-hours booking line',
    lead: 3,
    status: 'changesRequested',
    organisation: 'Sample North ICB',
    place: '',
    decision: '2027-03-01'
  },
  {
    title: 'Sample: Mental health crisis café',
    lead: 2,
    status: 'accepted',
    organisation: 'Sample Mental Health Trust',
    place: 'Riverside',
    decision: '2027-09-10'
  },
  {
    title: 'Sample: Maternity continuity of carer',
    lead: 3,
    status: 'inDelivery',
    organisation: 'Sample Hospitals Trust',
    place: '',
    decision: '2027-02-01'
  },
  {
    title: 'Sample: Wheelchair service redesign',
    lead: 2,
    status: 'reporting',
    organisation: 'Sample North ICB',
    place: 'Hillside',
    decision: '2026-12-15'
  },
  {
    title: 'Sample: Patient transport eligibility',
    lead: 3,
    status: 'closed',
    organisation: 'Sample North ICB',
    place: '',
    decision: '2026-09-30'
  }
];

const ORGANISATION_STAKEHOLDERS: OrganisationStakeholder[] = [
  {
    name: 'Sample Healthwatch Riverside',
    kind: 'organisation',
    catalogueEntry: 'healthwatch',
    email: 'info@healthwatch-sample.org.uk',
    reaches: [],
    notes: 'Sample data'
  },
  {
    name: 'Sample Health Overview and Scrutiny Committee',
    kind: 'organisation',
    catalogueEntry: 'hosc',
    email: '',
    reaches: [],
    notes: 'Sample data'
  },
  {
    name: 'Sample Riverside Carers Network',
    kind: 'group',
    catalogueEntry: 'carers',
    email: '',
    reaches: ['carers'],
    notes: 'Sample data'
  },
  {
    name: 'Sample Hillside Patient Participation Group',
    kind: 'group',
    catalogueEntry: 'gps-ppgs',
    email: '',
    reaches: [],
    notes: 'Sample data'
  },
  {
    name: 'Sample Eastfield Refugee Welcome',
    kind: 'organisation',
    catalogueEntry: 'community-organisations',
    email: '',
    reaches: ['asylum-seekers-refugees', 'race'],
    notes: 'Sample data'
  },
  {
    name: 'Sample Youth Voice Forum',
    kind: 'group',
    catalogueEntry: 'young-peoples-groups',
    email: '',
    reaches: ['age'],
    notes: 'Sample data'
  },
  {
    name: 'Sample Age Well Partnership',
    kind: 'organisation',
    catalogueEntry: 'older-peoples-groups',
    email: '',
    reaches: ['age', 'disability'],
    notes: 'Sample data'
  },
  {
    name: 'Sample VCSE Alliance',
    kind: 'organisation',
    catalogueEntry: 'vcse-groups',
    email: '',
    reaches: ['socio-economic-deprivation'],
    notes: 'Sample data'
  }
];

const sampleStakeholder = (f: Partial<StakeholderFields> & Pick<StakeholderFields, 'name'>): StakeholderFields => ({
  ...emptyStakeholderFields(),
  notes: 'Sample data',
  ...f
});
const PLAN_STAKEHOLDERS: StakeholderFields[] = [
  sampleStakeholder({
    name: 'Sample Healthwatch Riverside',
    kind: 'organisation',
    catalogueEntry: 'healthwatch',
    quadrant: 'keepSatisfied',
    mayContact: true,
    methods: ['interview'],
    channel: 'Monthly briefing',
    owner: 'Priya Shah'
  }),
  sampleStakeholder({
    name: 'Sample night-shift workers at Riverside depot',
    catalogueEntry: 'wider-public',
    quadrant: 'keepInformed',
    reaches: ['socio-economic-deprivation'],
    methods: ['pop-up-stall', 'survey'],
    channel: 'Posters in the depot canteen'
  }),
  sampleStakeholder({
    name: 'Sample Riverside Carers Network',
    catalogueEntry: 'carers',
    quadrant: 'manageClosely',
    reaches: ['carers'],
    methods: ['focus-group'],
    owner: 'Priya Shah'
  }),
  sampleStakeholder({
    name: 'Sample minor injuries unit staff',
    catalogueEntry: 'staff',
    quadrant: 'manageClosely',
    methods: ['focus-group'],
    channel: 'Team huddles'
  }),
  sampleStakeholder({ name: "Sample local MP's office", kind: 'organisation', catalogueEntry: 'local-mps', quadrant: 'keepSatisfied' }),
  sampleStakeholder({
    name: 'Sample Riverside Gazette',
    kind: 'organisation',
    catalogueEntry: 'media',
    quadrant: 'monitor',
    methods: ['leaflets-posters']
  }),
  sampleStakeholder({
    name: 'Sample Riverside Mosque community',
    catalogueEntry: 'minority-ethnic-groups',
    reaches: ['race', 'religion-belief']
  })
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
  content.budget = [{ item: 'vcse-focus-group', description: 'VCSE focus groups (Sample)', unitCostGbp: 200, quantity: 2 }];
  content.communications.audiences = [
    { audience: 'Pregnant women and birthing people (Sample)', keyMessages: 'Sample key message.', tactics: 'Sample tactics.' },
    {
      audience: 'Anyone who used the service in the last two years (Sample)',
      keyMessages: 'Sample key message.',
      tactics: 'Sample tactics.'
    }
  ];
  content.equality.considerations = content.equality.considerations.map((c) =>
    ['age', 'disability', 'carers', 'race'].includes(c.group)
      ? { ...c, likelyImpact: 'unknown', howWeWillReachThem: 'Through community partners (Sample).' }
      : c
  );
  return content;
}

/** Provision the lists and add the sample plans, stakeholders and history. */
export async function seedWorkbench(siteUrl: string): Promise<void> {
  const owner = spForUrl(siteUrl, { 'x-workbench-user': '1' });
  await new SpListProvisioner(owner).ensure();
  const decisions = new SpWorkflowRepository(spForUrl(siteUrl, { 'x-workbench-user': '4' }));
  const jo = SAMPLE_USERS.find((u) => u.id === 4);
  for (const [index, p] of SAMPLE_PLANS.entries()) {
    const leadUser = SAMPLE_USERS.find((u) => u.id === p.lead);
    if (!leadUser || !jo) continue;
    const leadSp = spForUrl(siteUrl, { 'x-workbench-user': String(p.lead) });
    const plan = await new SpPlanRepository(leadSp).create(
      sampleContent(p),
      { id: leadUser.id, displayName: leadUser.title, email: leadUser.email },
      `sample-${index}`
    );
    if (p.status === 'draft') continue;
    // The lead submits: the status change with the submission's number and key, and its history entry.
    const planId = plan.id as number;
    const submission = newSubmission(planId, 1, `sample${index}`);
    await leadSp.web.lists
      .getByTitle(listDefinition('plans').title)
      .items.getById(planId)
      .update(
        { [PLAN.status]: statusLabel('submitted'), [PLAN.submission]: submission.number, [PLAN.submissionKey]: submission.key },
        plan.version
      );
    await new SpWorkflowRepository(leadSp).recordSubmission(planId, submission, 'draft', '');
    // The team decides, one decision at a time, as the product records them.
    const path = PLAN_STATUSES.slice(PLAN_STATUSES.indexOf('submitted') + 1, PLAN_STATUSES.indexOf(p.status) + 1).filter(
      (st) => st !== 'changesRequested' || p.status === 'changesRequested'
    );
    const scoping = { at: `${p.decision.slice(0, 4)}-01-15T10:00:00Z`, attendees: [leadUser.title, jo.title] };
    const joRef = { id: jo.id, displayName: jo.title, email: jo.email };
    let from: PlanStatus = 'submitted';
    let seq = 1;
    let state: Pick<NewDecision, 'involvementLead' | 'confirmedLevel' | 'scopingMeeting'> = {
      involvementLead: null,
      confirmedLevel: null,
      scopingMeeting: null
    };
    const decide = async (kind: NewDecision['kind'], to: PlanStatus, change: Partial<typeof state>, comment: string): Promise<void> => {
      state = { ...state, ...change };
      await decisions.decide({
        planId,
        seq,
        requestId: `sample-${index}-decision-${seq}`,
        kind,
        from,
        to,
        submission: 1,
        submissionKey: submission.key,
        ...state,
        comment
      });
      seq += 1;
      from = to;
    };
    for (const to of path) {
      if (to === 'inReview') await decide('scoping', 'inReview', { scopingMeeting: scoping }, 'Sample: scoping meeting booked.');
      else if (to === 'changesRequested')
        await decide('status', 'changesRequested', {}, 'Sample comment: please add the decision date and who is affected.');
      else if (to === 'accepted') {
        if (from === 'submitted') await decide('scoping', from, { scopingMeeting: scoping }, 'Sample: scoping meeting booked.');
        await decide('involvementLead', from, { involvementLead: joRef }, `Involvement lead: ${jo.title}.`);
        await decide('level', from, { confirmedLevel: 'involve' }, 'Level confirmed as involve.');
        await decide('status', 'accepted', {}, 'Sample: accepted at scoping.');
      } else await decide('status', to, {}, `Sample: moved to ${statusLabel(to)}.`);
    }
    // The plan item's stored copies follow the record (for the dashboard's indexed queries).
    await decisions.mirror(await decisions.record(planId));
  }
  // After engagement: a plan in delivery, one in reporting and a closed one, each with its lead's record.
  const later: Array<[PlanStatus, () => ReturnType<typeof sampleDelivery>]> = [
    ['inDelivery', sampleDelivery],
    ['reporting', sampleReporting],
    ['closed', sampleClosed]
  ];
  for (const [status, make] of later) {
    const index = SAMPLE_PLANS.findIndex((p) => p.status === status);
    const sample = SAMPLE_PLANS[index];
    const asLead = spForUrl(siteUrl, { 'x-workbench-user': String(sample.lead) });
    const [found] = await owner.web.lists
      .getByTitle(listDefinition('plans').title)
      .items.filter(`${PLAN.requestId} eq 'sample-${index}'`)
      .select('Id')<Array<{ Id: number }>>();
    const plan = await new SpPlanRepository(asLead).get(found.Id);
    const records = new SpEngagementRecords(asLead);
    let content = make();
    if (status === 'reporting') {
      // Responses tagged with the record's themes; the themes' counts are counted from them.
      const responses = await new SpResponses(asLead).addMany(plan.id, sampleResponses());
      content = withCountedThemes(content, countResponses(responses, content.themes));
    }
    await records.save({ ...(await records.start(plan)), content }, plan, 12);
    if (status === 'closed')
      await new SpSignOffs(spForUrl(siteUrl, { 'x-workbench-user': '4' })).add(plan.id, content, 'Sample sign-off.', 'sample-sign-off');
  }
  // A stakeholder map for the first sample plan (its lead adds them, as in the product).
  const firstPlan = await owner.web.lists
    .getByTitle(listDefinition('plans').title)
    .items.filter(`${PLAN.requestId} eq 'sample-0'`)
    .select('Id')<Array<{ Id: number }>>();
  const at = '2026-10-01T09:00:00.000Z';
  await new SpStakeholderRepository(spForUrl(siteUrl, { 'x-workbench-user': '2' })).addMany(
    firstPlan[0].Id,
    PLAN_STAKEHOLDERS.map((fields, i) => ({
      requestId: `sample-stakeholder-${i}`,
      fields,
      history: fields.quadrant
        ? [{ at, by: 'Priya Shah (Sample)', from: null, to: fields.quadrant, reason: 'Sample data: first placed at the scoping meeting' }]
        : []
    }))
  );
  // The involvement team's channel for submission cards.
  const team = SAMPLE_TEAMS[0];
  await new SpSettingsRepository(owner).setNotificationTarget({
    kind: 'teamsChannel',
    teamId: team.id,
    channelId: team.channels[1].id,
    teamName: team.displayName,
    channelName: team.channels[1].displayName
  });
  const shared = new SpSharedStakeholderRepository(owner);
  for (const [i, entry] of ORGANISATION_STAKEHOLDERS.entries()) await shared.add(entry, `sample-shared-${i}`);
  // The team has looked at its dashboard before: the plan counts' tally is kept (a new site builds
  // it on the team's first look).
  await new SpStatusTally(spForUrl(siteUrl, { 'x-workbench-user': '4' })).counts();
}
