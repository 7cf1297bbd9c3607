/**
 * Sample after-engagement records for the workbench (issue 11): a plan in delivery with two
 * activities, one in reporting with themes and a decision trace, and a closed one with the whole
 * record, "you said, we did" and the team's sign-off. Everything is labelled sample.
 */
import { emptyRecordContent, type EngagementRecordContent, type EqualityGroup, type NewResponse } from '../../src/domain';

/** Two activities with participant breakdowns (aggregate counts only). */
export function sampleDelivery(): EngagementRecordContent {
  const r = emptyRecordContent();
  r.responseTarget = 300;
  r.activities = [
    {
      id: 'sample-a1',
      title: 'Drop-in at the antenatal clinic (Sample)',
      start: '2026-11-03',
      end: '2026-11-04',
      method: 'drop-in',
      setting: 'inPerson',
      place: 'Riverside',
      audiences: ['Pregnant women and birthing people (Sample)', 'Sample Riverside Mosque community'],
      audience: '',
      runBy: 'Tom Hughes (Sample)',
      costGbp: 180,
      costs: [
        { line: 0, gbp: 150 },
        { line: null, gbp: 30 }
      ],
      formats: ['easyRead', 'translation'],
      participants: 34,
      responses: 30,
      reached: { 'pregnancy-maternity': 34, age: 8, race: 11 },
      notes: 'Sample data'
    },
    {
      id: 'sample-a2',
      title: 'Online survey (Sample)',
      start: '2026-11-01',
      end: '2026-11-30',
      method: 'survey',
      setting: 'online',
      place: 'Hillside',
      audiences: ['Anyone who used the service in the last two years (Sample)'],
      audience: 'Staff on the maternity unit (Sample)',
      runBy: 'Involvement team (Sample)',
      costGbp: 0,
      costs: [],
      formats: ['easyRead'],
      participants: 96,
      responses: 96,
      reached: { 'pregnancy-maternity': 80, disability: 6, 'socio-economic-deprivation': 12 },
      notes: 'Sample data'
    }
  ];
  return r;
}

/** Delivered, with themes and a decision trace under way. */
export function sampleReporting(): EngagementRecordContent {
  const r = sampleDelivery();
  r.activities = r.activities.map((a) => ({
    ...a,
    title: a.title.replace('antenatal clinic', 'wheelchair clinic'),
    reached: { disability: a.participants }
  }));
  r.report.engagementClosed = '2026-11-30';
  r.themes = [
    {
      id: 'sample-t1',
      name: 'Waiting times (Sample)',
      description: 'Long waits for repairs.',
      mentions: 58,
      quotes: ['I waited four months for a new tyre. (Sample)']
    },
    { id: 'sample-t2', name: 'Home visits (Sample)', description: 'People want assessments at home.', mentions: 23, quotes: [] }
  ];
  r.trace = [
    {
      id: 'sample-d1',
      themeIds: ['sample-t1'],
      objectiveIndexes: [0],
      finding: 'Repairs take too long (Sample).',
      recommendation: 'Add a second repair van (Sample).',
      decisionBody: 'Sample ICB board',
      decisionDate: '',
      decision: '',
      outcome: 'notDecided',
      because: ''
    }
  ];
  return r;
}

/** The whole record of a closed plan, with "you said, we did" published. */
export function sampleClosed(): EngagementRecordContent {
  const r = sampleDelivery();
  r.activities = r.activities.map((a) => ({
    ...a,
    start: a.start.replace('2026-11', '2026-06'),
    end: a.end.replace('2026-11', '2026-06'),
    title: a.title.replace('antenatal clinic', 'hospital outpatients'),
    reached: { age: Math.round(a.participants / 2), disability: Math.round(a.participants / 4), carers: 5 }
  }));
  r.themes = [
    {
      id: 'sample-t1',
      name: 'Getting to appointments (Sample)',
      description: 'People who do not drive.',
      mentions: 71,
      quotes: ['There is no bus to the hospital on Sundays. (Sample)']
    }
  ];
  r.trace = [
    {
      id: 'sample-d1',
      themeIds: ['sample-t1'],
      objectiveIndexes: [0],
      finding: 'People on low incomes could not reach appointments (Sample).',
      recommendation: 'Keep transport for people on benefits (Sample).',
      decisionBody: 'Sample ICB board',
      decisionDate: '2026-08-20',
      decision: 'Eligibility kept for people on benefits (Sample).',
      outcome: 'willChange',
      because: 'People on benefits keep free transport (Sample).'
    },
    {
      id: 'sample-d2',
      themeIds: ['sample-t1'],
      objectiveIndexes: [],
      finding: 'People asked for Sunday transport (Sample).',
      recommendation: 'Not possible this year (Sample).',
      decisionBody: 'Sample ICB board',
      decisionDate: '2026-08-20',
      decision: 'Not agreed (Sample).',
      outcome: 'willNotChange',
      because: 'There are no drivers on Sundays (Sample).'
    }
  ];
  r.report = {
    engagementClosed: '2026-06-30',
    summary: 'We heard from 130 people (Sample).',
    nextSteps: 'The new rules start in January (Sample).',
    publishedOn: '2026-08-28',
    link: '',
    delayExplanation: ''
  };
  r.feedback = {
    summary:
      'You said you cannot get to hospital without free transport. We will keep it for people on benefits. You asked for Sunday transport. We cannot do this because there are no drivers on Sundays. (Sample)',
    channels: ['youSaidWeDidPage', 'lettersEmails', 'newsletters'],
    participantsToldOn: '2026-09-05',
    publishedOn: '2026-09-05',
    link: '',
    notPublishedReason: ''
  };
  r.evaluation = {
    answers: [
      'Yes (Sample).',
      'Mostly; few carers (Sample).',
      'Yes (Sample).',
      'Yes (Sample).',
      'Go to clinics, not only online; we fed back by letter (Sample).'
    ],
    suggestionsMade: 12,
    suggestionsActioned: 8,
    servicesCoProduced: 0,
    ratings: { informed: { agreed: 40, asked: 50 }, heard: { agreed: 35, asked: 50 }, influence: { agreed: 20, asked: 50 } },
    caseStudies: '',
    lessons: 'Start outreach earlier (Sample).'
  };
  return r;
}

/** What people said to the plan in reporting, tagged with its themes (clearly sample data). */
export function sampleResponses(): NewResponse[] {
  const said: Array<[string, string, EqualityGroup[], string[]]> = [
    ['I waited four months for a new tyre. (Sample)', 'Hexham', ['disability'], ['sample-t1']],
    ['The repair van never comes on time. (Sample)', 'Blyth', ['disability', 'age'], ['sample-t1']],
    ['An assessment at home would save me a day off work. (Sample)', 'Hexham', ['carers'], ['sample-t2']],
    ['Repairs take too long and nobody rings back. (Sample)', 'Ashington', ['disability'], ['sample-t1']],
    [
      'Please come to my house: the clinic is two buses away. (Sample)',
      'Alnwick',
      ['age', 'socio-economic-deprivation'],
      ['sample-t1', 'sample-t2']
    ],
    ['Staff were kind and listened. (Sample)', 'Blyth', [], []],
    ['I could not get an appointment that fitted my caring. (Sample)', 'Ashington', ['carers'], ['sample-t2']],
    ['Waiting for a part left me housebound for weeks. (Sample)', 'Alnwick', ['disability'], ['sample-t1']]
  ];
  return said.map(([text, place, groups, themeIds], i) => ({
    rowKey: `sample-response-${i + 1}`,
    source: 'Imported from sample-survey.csv (Sample)',
    fields: { text, place, groups, themeIds }
  }));
}
