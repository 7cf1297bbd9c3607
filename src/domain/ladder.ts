import type { CitationId } from './citations';
import type { EngagementLevel } from './engagementLevel';
import type { SourceId } from './sources';

/**
 * The ladders an organisation can show (a setting). The sources do not agree on the order:
 * TRUST Appendix 1 (Arnstein) puts involving above consulting; PC Appendix 1 puts involving below
 * consulting, because in PC "consulting" means the formal, legal process (DOMAIN.md §4).
 */
export const LADDER_IDS = ['TRUST', 'PC'] as const;
/** Which source's ladder is shown. */
export type LadderId = (typeof LADDER_IDS)[number];

/**
 * How significant the change in a "when to use" example is, as the source says it. `minor` and
 * `significant` are the source's own words; `lessSignificant` is TRUST's pathway redesign ("less
 * significant changes"); `notStated` when the example says nothing about scale.
 */
export type ChangeScale = 'minor' | 'lessSignificant' | 'significant' | 'notStated';

/** One of a source's own examples of when to use a rung, kept on that source's rung. */
export interface LadderExample {
  readonly text: string;
  readonly scale: ChangeScale;
  readonly citation: CitationId;
}

/** One rung as one source describes it. */
export interface LadderRung {
  readonly level: EngagementLevel;
  /** The source's own name for the rung. */
  readonly name: string;
  /** What the rung means, in plain words, as the source describes it. */
  readonly description: string;
  readonly citation: CitationId;
  /** The source's examples of activities on this rung. */
  readonly examples: readonly string[];
  /** The source's examples of when to use this rung. */
  readonly whenToUse: readonly LadderExample[];
  /** TRUST Appendix 1 only: "bear in mind the strengths and weaknesses". */
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
}

/** One source's ladder, lowest rung first, with a sentence the UI shows about its order. */
export interface Ladder {
  readonly id: LadderId;
  readonly source: SourceId;
  readonly title: string;
  readonly orderNote: string;
  readonly rungs: readonly LadderRung[];
}

/** TRUST Appendix 1, "The 'Ladder of Engagement and Participation', based on the work of Sherry Arnstein". */
const TRUST_LADDER: Ladder = {
  id: 'TRUST',
  source: 'TRUST',
  title: 'Ladder of engagement and participation (NHS trust toolkit, based on Arnstein)',
  orderNote:
    'Shown in the order of the NHS trust toolkit (Appendix 1) and the Suffolk spectrum: inform, consult, involve, collaborate, devolve. Formal public consultation sits on the "consulting" rung.',
  rungs: [
    {
      level: 'inform',
      name: 'Informing',
      description:
        'Providing communities and individuals with well-balanced and objective information to help them understand problems, alternatives, opportunities and solutions.',
      citation: 'trustInforming',
      examples: ['Websites', 'Newsletters', 'Public meetings', 'Press releases'],
      whenToUse: [
        { text: 'Minor or insignificant changes', scale: 'minor', citation: 'trustInformingMinor' },
        {
          text: 'A minor change such as a service timetable or booking procedure (providing information, or consulting a sample group)',
          scale: 'minor',
          citation: 'trustMinor'
        }
      ],
      strengths: ['An efficient way to involve large and diverse groups'],
      weaknesses: ['No input in decision making', 'Inappropriate for significant decisions']
    },
    {
      level: 'consult',
      name: 'Consulting',
      description: 'Obtaining community and individual feedback on analysis, alternatives and/or decisions.',
      citation: 'trustConsulting',
      examples: ["Surveys, door knocking, citizens' panels, focus groups, shadowing, mystery shopping", 'A formal consultation process'],
      whenToUse: [
        {
          text: 'A strategic proposal with a significant impact on what, where and how services are provided: a formal public consultation, widely publicised',
          scale: 'significant',
          citation: 'trustStrategic'
        },
        {
          text: 'Less significant changes, such as redesigning a patient pathway: consulting and involving all service users and stakeholders',
          scale: 'lessSignificant',
          citation: 'trustPathway'
        },
        {
          text: 'A minor change such as a service timetable or booking procedure: consulting a sample group, or providing information',
          scale: 'minor',
          citation: 'trustMinor'
        }
      ],
      strengths: [
        'Can accommodate large and diverse groups',
        'Unleashes creativity',
        'Encourages a participant-driven approach',
        'A flexible process',
        'Builds better working relationships and a sense of community'
      ],
      weaknesses: ['Difficult to direct participants to a specific outcome']
    },
    {
      level: 'involve',
      name: 'Involving',
      description:
        'Working directly with communities and patients in each aspect of the decision, including developing the alternatives and identifying the preferred solution.',
      citation: 'trustInvolving',
      examples: ['Face-to-face or virtual discussion groups', 'Health panels', 'Partnership boards', 'Service users in policy groups'],
      whenToUse: [
        {
          text: 'Less significant changes, such as redesigning a patient pathway: consulting and involving all service users and stakeholders',
          scale: 'lessSignificant',
          citation: 'trustPathway'
        }
      ],
      strengths: [
        'A high level of participant interaction',
        'Taps into the insights and expertise of the people who use the services',
        'Increases transparency, understanding, trust and confidence in the decision making'
      ],
      weaknesses: [
        'Can depend on a skilled facilitator',
        'Difficult to manage well with larger groups',
        'Participants can become less representative over time',
        'Can appear exclusive and unrepresentative to people not invited to take part',
        'Can be hard to gauge wider opinion: one or two strong opinions may dominate'
      ]
    },
    {
      level: 'collaborate',
      name: 'Collaborating',
      description:
        'Working in partnership with communities and patients in each aspect of the decision, including developing the alternatives and identifying the preferred solution.',
      citation: 'trustCollaborating',
      examples: ['User groups', "Citizens' juries"],
      whenToUse: [],
      strengths: [
        'Patients and the public work together with professionals as equals',
        'Taps into the insights and expertise of the people who use the services',
        'Builds skills, confidence and aspiration among participants'
      ],
      weaknesses: [
        'Difficult to manage well with larger groups',
        'Can appear exclusive and unrepresentative to people not invited to take part',
        'Needs a considerable time commitment from everyone taking part'
      ]
    },
    {
      level: 'devolve',
      name: 'Devolving',
      description: 'Placing decision making in the hands of the community and individuals.',
      citation: 'trustDevolving',
      examples: ['Personal health budgets', 'Community development approaches'],
      whenToUse: [{ text: 'Personal health budgets, or a community development approach', scale: 'notStated', citation: 'trustDevolving' }],
      strengths: ['Autonomous decision making by individuals', 'Empowers individuals to make their own decisions'],
      weaknesses: [
        'Decisions may not be clinically indicated, with less professional involvement',
        'Only realistic in very narrow situations'
      ]
    }
  ]
};

/** PC Appendix 1, "The ladder of engagement" (left to right is lowest to highest). */
const PC_LADDER: Ladder = {
  id: 'PC',
  source: 'PC',
  title: 'Ladder of engagement (provider collaborative guide)',
  orderNote:
    'Shown in the order of the provider collaborative guide (Appendix 1): information sharing, involving, consulting, co-producing, devolving. Here "consulting" means the formal, legal process, so it sits above involving.',
  rungs: [
    {
      level: 'inform',
      name: 'Information sharing',
      description:
        'Giving communities and individuals balanced and objective information to help them understand problems, opportunities, alternatives and solutions.',
      citation: 'pcLadderNames',
      examples: ['Information through digital platforms, the media and written materials'],
      whenToUse: [
        {
          text: 'Raising awareness of a new service, a change in service, or how to use existing services',
          scale: 'notStated',
          citation: 'pcWhenRow'
        },
        { text: 'Changes outside our control, for example because of new legislation', scale: 'notStated', citation: 'pcPathway' }
      ],
      strengths: [],
      weaknesses: []
    },
    {
      level: 'involve',
      name: 'Involving (can be a legal requirement)',
      description: 'Working directly with communities and patients to make sure their concerns and aspirations are understood.',
      citation: 'pcLadderNames',
      examples: [
        'Information sharing',
        'Using existing insight (PALS, complaints)',
        'A patient advisory group',
        'Surveys',
        'Workshops and focus groups',
        'Co-production'
      ],
      whenToUse: [
        { text: 'Minor changes to service times, booking procedures, leaflets or information', scale: 'minor', citation: 'pcWhenRow' },
        { text: 'Service or pathway redesign or review', scale: 'lessSignificant', citation: 'pcPathway' },
        { text: 'Reviewing referral criteria', scale: 'minor', citation: 'pcReferral' }
      ],
      strengths: [],
      weaknesses: []
    },
    {
      level: 'consult',
      name: 'Consulting (formal, legal requirement)',
      description: 'Obtaining community and individual feedback on analysis, alternatives and/or decisions, through a formal process.',
      citation: 'pcLadderNames2',
      examples: ['As for involving'],
      whenToUse: [
        {
          text: 'Significant service or policy change, or decisions that affect what, how or where services are provided',
          scale: 'significant',
          citation: 'pcWhenRow2'
        },
        { text: 'Longer-term plans', scale: 'notStated', citation: 'pcWhenRow' },
        { text: 'Issues of a contentious nature', scale: 'notStated', citation: 'pcContentious' }
      ],
      strengths: [],
      weaknesses: []
    },
    {
      level: 'collaborate',
      name: 'Co-producing or collaborating',
      description:
        'Working with communities and patients as partners on each aspect of the decision, including identifying a preferred solution.',
      citation: 'pcLadderNames',
      examples: ['Service user reference groups', 'Co-opting patient representatives onto planning groups'],
      whenToUse: [{ text: 'Significant service or policy change', scale: 'significant', citation: 'pcWhenRow2' }],
      strengths: [],
      weaknesses: []
    },
    {
      level: 'devolve',
      name: 'Devolving or empowering',
      description: 'Placing decision making in the hands of communities and individuals.',
      citation: 'pcLadderNames',
      examples: ['A patient representative on the decision-making board'],
      whenToUse: [
        { text: 'Significant change', scale: 'significant', citation: 'pcWhenRow' },
        { text: 'Community development', scale: 'notStated', citation: 'pcCommunityDevelopment' }
      ],
      strengths: [],
      weaknesses: []
    }
  ]
};

/** The ladders, by the source whose order, names and examples they show. */
export const LADDERS: Readonly<Record<LadderId, Ladder>> = { TRUST: TRUST_LADDER, PC: PC_LADDER };

/**
 * The ladder shown unless the organisation chooses another: TRUST's, because TRUST Appendix 1
 * and the Suffolk spectrum (Inform, Engage, Involve, Co-produce — both after Arnstein) agree on
 * its order; only PC puts involving below consulting, and only because its "consulting" is the
 * formal legal process, which TRUST also places on its consulting rung.
 */
export const DEFAULT_LADDER: LadderId = 'TRUST';

/** The levels in the order a ladder shows them, lowest first. */
export function ladderOrder(ladder: LadderId): EngagementLevel[] {
  return LADDERS[ladder].rungs.map((r) => r.level);
}

/** Position of a level on a ladder (0 = lowest). */
export function rankOnLadder(level: EngagementLevel, ladder: LadderId): number {
  return ladderOrder(ladder).indexOf(level);
}

/** The rung a ladder gives a level. */
export function ladderRung(level: EngagementLevel, ladder: LadderId): LadderRung {
  const rung = LADDERS[ladder].rungs.find((r) => r.level === level);
  if (!rung) throw new Error(`Ladder ${ladder} has no rung for ${level}`);
  return rung;
}

/** The higher of the given levels on a ladder; undefined for none. */
export function highestOnLadder(levels: readonly EngagementLevel[], ladder: LadderId): EngagementLevel | undefined {
  return [...levels].sort((a, b) => rankOnLadder(b, ladder) - rankOnLadder(a, ladder))[0];
}

/** One rung lower on a ladder (the lowest stays where it is). */
export function stepDownOnLadder(level: EngagementLevel, ladder: LadderId): EngagementLevel {
  const order = ladderOrder(ladder);
  return order[Math.max(0, order.indexOf(level) - 1)];
}

/** What each source says about a level, for the guidance shown where the lead chooses it. */
export function levelGuidance(level: EngagementLevel): Array<{ ladder: LadderId; source: SourceId; rung: LadderRung }> {
  return LADDER_IDS.map((id) => ({ ladder: id, source: LADDERS[id].source, rung: ladderRung(level, id) }));
}

/**
 * Aims, objectives and measures for each level from the Suffolk "Spectrum of Engagement"
 * (SUF Appendix 2), for evaluation. SUF has no devolving rung.
 */
export const SUF_SPECTRUM: ReadonlyArray<{
  readonly level: EngagementLevel;
  readonly name: string;
  readonly aim: string;
  readonly outputs: readonly string[];
  readonly outcomes: readonly string[];
}> = [
  {
    level: 'inform',
    name: 'Inform',
    aim: 'Inform patients and the community about key messages.',
    outputs: ['How many people were reached with information', 'How many people from priority groups were reached'],
    outcomes: ['People feel more informed about their health', 'People feel more able to make positive choices about their health']
  },
  {
    level: 'consult',
    name: 'Engage',
    aim: 'Engage with patients and communities to gain feedback and listen to comments or concerns, to improve future services.',
    outputs: ['How many people took part in feedback activities', 'The share of suggestions investigated or acted on (for example 60%)'],
    outcomes: ['People feel they have an influence', 'Services changed for the better because of feedback']
  },
  {
    level: 'involve',
    name: 'Involve',
    aim: 'Involve patients and the community in shaping, changing and establishing services.',
    outputs: [
      'How many residents and service users helped shape services',
      'How many people from priority groups were involved in a meaningful way'
    ],
    outcomes: ['People say they were involved in contributing ideas', 'People can see how their ideas shaped services']
  },
  {
    level: 'collaborate',
    name: 'Co-produce',
    aim: 'Co-produce with patients and communities as equal partners from the earliest stages of service design, development and evaluation.',
    outputs: ['How many services were co-produced'],
    outcomes: ['Services are what people want, sustainable and well used']
  }
];
