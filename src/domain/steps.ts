import { z } from 'zod';
import type { CitationId } from './citations';
import type { SourceId } from './sources';

/**
 * The 9-step guide (LSC "Steps to successful engagement", PC Steps 1–9), with step 4 split into
 * its five parts 4a–4e as the sources do.
 */
export const STEP_IDS = ['1', '2', '3', '4a', '4b', '4c', '4d', '4e', '5', '6', '7', '8', '9'] as const;

/** One step of the 9-step guide. */
export const stepIdSchema = z.enum(STEP_IDS, { error: 'step.invalid' });
/** One step of the 9-step guide. */
export type StepId = z.infer<typeof stepIdSchema>;

/** A duration range in weeks; `maxWeeks` undefined means "or more". */
export interface DurationWeeks {
  readonly minWeeks: number;
  readonly maxWeeks?: number;
}

/** What the guidance says about one step. */
export interface GuideStep {
  readonly id: StepId;
  readonly title: string;
  readonly summary: string;
  /** What the step involves, in a few plain sentences from LSC and PC, for the expandable guidance. */
  readonly guidance: string;
  /** The line giving the step's duration, where there is one. */
  readonly durationCitation?: CitationId;
  /** Minimum duration; undefined where the guidance gives none. */
  readonly duration?: DurationWeeks;
  /** The guidance's own words for the duration. */
  readonly durationText?: string;
  /** When the guidance says the step may be left out. */
  readonly mayBeSkipped?: string;
  readonly sources: readonly SourceId[];
}

const WEEKS_IN_SIX_MONTHS = 26;

/** The steps and their durations (DOMAIN.md §3; LSC lines 146–259, PC lines 50–250). */
export const GUIDE_STEPS: readonly GuideStep[] = [
  {
    id: '1',
    title: 'Plan the engagement programme',
    summary: 'List the services or issues likely to need engagement over the next 6 to 12 months.',
    guidance:
      'Think about the service areas or issues likely to need public engagement over the next 6 to 12 months or more, and which need engagement first.',
    sources: ['LSC', 'PC']
  },
  {
    id: '2',
    title: 'Set the engagement objectives',
    summary: 'Say what you want to find out and which decisions the engagement will support.',
    guidance:
      'Say what the engagement is for, for example how to improve the service or the impact of proposals on patients and families. Most importantly, say which decisions it needs to support.',
    sources: ['LSC', 'PC']
  },
  {
    id: '3',
    title: 'Decide who to engage',
    summary: 'Map stakeholders and do the equality impact assessment. Reach people in a reasonable, representative and proportionate way.',
    guidance:
      'Work out who will be affected, directly or indirectly, now or in future. Draw people from diverse backgrounds and complete an equality impact assessment. The greater the impact, the wider the reach needs to be.',
    sources: ['LSC', 'PC']
  },
  {
    id: '4a',
    title: 'Patient representative on the decision-making board',
    summary: 'Appoint a patient representative as soon as practical at the start of the project.',
    guidance:
      'Invite patients, carers or members of the public to join the forum where decisions are made. It works only if most members and the chair agree, the patient members are supported, and they have enough lived experience.',
    durationText: 'As soon as practical at project start',
    sources: ['LSC', 'PC']
  },
  {
    id: '4b',
    title: 'Patient advisory group',
    summary: 'An advisory group of patients and carers that works with the project throughout, from the case for change.',
    guidance:
      'Patients, carers and members of the public interested in the service meet regularly with the project lead and clinical lead, or work as a virtual group by email or online surveys.',
    durationText: 'Throughout, from the case for change',
    sources: ['LSC', 'PC']
  },
  {
    id: '4c',
    title: 'Pre-consultation engagement',
    summary: 'Talk to people before any formal consultation to shape the options.',
    guidance:
      'Gather patient experience, help form the options, find gaps in the service and check you understand the patient and public view. It comes before any formal consultation.',
    durationCitation: 'lsc4cDuration',
    duration: { minWeeks: 4 },
    durationText: 'At least 4 weeks, often much longer',
    mayBeSkipped:
      'Only when no formal consultation is likely or possible, and the case for change and the patient view are already clear and evidenced (PC). Never before a formal consultation: pre-engagement must come first (NENC).',
    sources: ['LSC', 'PC']
  },
  {
    id: '4d',
    title: 'Involvement and co-production',
    summary: 'Work with people as partners. This takes months rather than weeks.',
    guidance:
      'Health professionals, patients and carers work together to change, develop or design a service. It takes months rather than weeks and commitment from everyone.',
    durationCitation: 'lsc4dDuration',
    duration: { minWeeks: 6, maxWeeks: WEEKS_IN_SIX_MONTHS },
    durationText: '6 weeks to 6 months',
    sources: ['LSC', 'PC']
  },
  {
    id: '4e',
    title: 'Wider consultation or engagement',
    summary: 'Ask the wider public and stakeholders for their views.',
    guidance:
      'Ask the wider public for their views: after co-production, on what was developed; after pre-consultation, once the options are fully formed. It must stand up to scrutiny by the health overview and scrutiny committee and, where necessary, the Secretary of State.',
    durationCitation: 'lsc4eDuration',
    duration: { minWeeks: 4, maxWeeks: 12 },
    durationText: 'At least 4 to 12 weeks',
    sources: ['LSC', 'PC']
  },
  {
    id: '5',
    title: 'Choose how to engage',
    summary: 'Pick methods that suit each audience, and plan for accessibility.',
    guidance:
      'Use more than one method. Surveys reach most people; focus groups, workshops and deliberative events give ideas and discussion; listening events and public meetings inform people and sample opinion.',
    sources: ['LSC', 'PC']
  },
  {
    id: '6',
    title: 'Plan, prepare and promote',
    summary: 'Book venues, prepare materials and let people know.',
    guidance:
      'Prepare a communications and engagement plan, materials (tested for accessibility beforehand) and venues. Plan the analysis now, and promote the engagement so people have time to take part.',
    durationCitation: 'lsc6Duration',
    duration: { minWeeks: 2, maxWeeks: 8 },
    durationText: 'At least 2 to 8 weeks or more',
    sources: ['LSC', 'PC']
  },
  {
    id: '7',
    title: 'Do the engagement',
    summary: 'Run the activities and keep checking who you are reaching.',
    guidance:
      'Run the activities with facilitators and scribes. Monitor as you go (response rates, areas, themes): waiting until the end is too late. Think about people with disabilities and hearing or sight impairments.',
    durationCitation: 'lsc7Duration',
    duration: { minWeeks: 4, maxWeeks: 12 },
    durationText: 'At least 4 to 12 weeks (longer for co-production)',
    sources: ['LSC', 'PC']
  },
  {
    id: '8',
    title: 'Analyse, evaluate and report',
    summary: 'Analyse what people said and write the report. Keep a record of responses for 5 years.',
    guidance:
      'Analyse what people said and write the report. Record what will or will not change because of the findings. Keep a record of responses and feedback for five years.',
    durationCitation: 'lsc8Duration',
    duration: { minWeeks: 2 },
    durationText: 'At least 2 weeks',
    sources: ['LSC', 'PC']
  },
  {
    id: '9',
    title: 'Report outcomes: "you said, we did"',
    summary: 'Tell people what changed, or did not, because of what they said.',
    guidance:
      'Tell people what changed because of their involvement, and what could not change and why, often as "you said, we did". Share it on websites and with those who took part.',
    durationCitation: 'lsc9Duration',
    duration: { minWeeks: 4 },
    durationText: 'Depends on decision making, but unlikely to be under 4 weeks',
    sources: ['LSC', 'PC']
  }
];

/**
 * How long the record of responses must be kept, in years (LSC and PC step 8: "A record must be
 * kept of responses and feedback received (and retained for five years)").
 */
export const RESPONSE_RECORD_RETENTION_YEARS = 5;
/** The line the retention period comes from. */
export const RESPONSE_RECORD_RETENTION_CITATION: CitationId = 'lscRetention';

/** What the step 8 report must make clear (LSC and PC step 8), in order. */
export const REPORT_CONTENTS: readonly string[] = [
  'Dates and timescales',
  'What engagement took place',
  'A breakdown of who took part',
  'Themes and findings',
  'Recommendations',
  'Next steps, including what will and will not change because of the findings'
];
/** The line the report contents come from. */
export const REPORT_CONTENTS_CITATION: CitationId = 'lscReportHeading';

/** Look up a step by id. */
export function guideStep(id: StepId): GuideStep {
  const step = GUIDE_STEPS.find((s) => s.id === id);
  if (!step) {
    throw new Error(`Unknown guide step ${id}`);
  }
  return step;
}
