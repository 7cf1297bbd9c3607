import { emptyRecordContent, type EngagementRecordContent } from '../../src/domain';

/** Two activities of the Riverside plan (sample data), with participant breakdowns. */
export function deliveredRecord(): EngagementRecordContent {
  const r = emptyRecordContent();
  r.responseTarget = 200;
  r.activities = [
    {
      id: 'a1',
      title: 'Night-time drop-in at Riverside unit (Sample)',
      start: '2027-03-01',
      end: '2027-03-02',
      method: 'drop-in',
      setting: 'inPerson',
      place: 'Riverside',
      audiences: ['People who use the unit at night'],
      audience: '',
      runBy: 'Priya Shah (Sample)',
      costGbp: 250,
      costs: [],
      formats: ['easyRead', 'translation'],
      participants: 40,
      responses: 35,
      reached: { age: 12, carers: 6, disability: 5 },
      notes: ''
    },
    {
      id: 'a2',
      title: 'Online survey (Sample)',
      start: '2027-03-01',
      end: '2027-03-28',
      method: 'survey',
      setting: 'online',
      place: 'Hillside',
      audiences: [],
      audience: 'Wider public',
      runBy: 'Engagement team (Sample)',
      costGbp: 120.5,
      costs: [],
      formats: ['easyRead'],
      participants: 110,
      responses: 110,
      reached: { age: 30, race: 9, 'socio-economic-deprivation': 14 },
      notes: ''
    }
  ];
  r.report.engagementClosed = '2027-03-28';
  return r;
}

/** A record ready to close: report, "you said, we did" and evaluation complete (sample data). */
export function completeRecord(): EngagementRecordContent {
  const r = deliveredRecord();
  r.themes = [
    {
      id: 't1',
      name: 'Getting there at night',
      description: 'No buses after 11pm.',
      mentions: 64,
      quotes: ['There is no bus back after eleven.']
    },
    { id: 't2', name: 'Staffing', description: 'Worry about safety.', mentions: 21, quotes: [] }
  ];
  r.trace = [
    {
      id: 'd1',
      themeIds: ['t1'],
      objectiveIndexes: [0],
      finding: 'People without a car could not reach the emergency department at night.',
      recommendation: 'Fund a night taxi scheme before any change.',
      decisionBody: 'ICB board',
      decisionDate: '2027-06-30',
      decision: 'Night taxi scheme agreed.',
      outcome: 'willChange',
      because: 'A free taxi to the emergency department from midnight to 8am.'
    },
    {
      id: 'd2',
      themeIds: ['t2'],
      objectiveIndexes: [],
      finding: 'People asked for two nurses on every night shift.',
      recommendation: 'Keep one nurse and add a video link to the emergency department.',
      decisionBody: 'ICB board',
      decisionDate: '2027-06-30',
      decision: 'Not agreed.',
      outcome: 'willNotChange',
      because: 'There are not enough nurses in the area to staff two at night.'
    }
  ];
  r.report = {
    engagementClosed: '2027-03-28',
    summary: 'We heard from 150 people.',
    nextSteps: 'The board decides on 30 June 2027.',
    publishedOn: '2027-05-10',
    link: 'https://example.nhs.uk/riverside-report',
    delayExplanation: ''
  };
  r.feedback = {
    summary:
      'You said you could not get to hospital at night. We will pay for a taxi. You asked for two nurses. We cannot do this because there are not enough nurses.',
    channels: ['youSaidWeDidPage', 'lettersEmails'],
    participantsToldOn: '2027-07-05',
    publishedOn: '2027-07-05',
    link: '',
    notPublishedReason: ''
  };
  r.evaluation = {
    answers: ['Yes.', 'Mostly; few asylum seekers.', 'Yes.', 'Yes.', 'Start outreach earlier; we fed back by letter.'],
    suggestionsMade: 10,
    suggestionsActioned: 6,
    servicesCoProduced: 0,
    ratings: { informed: { agreed: 80, asked: 100 }, heard: { agreed: 70, asked: 100 }, influence: { agreed: null, asked: null } },
    caseStudies: '',
    lessons: 'Go to people at night, where they are.'
  };
  return r;
}
