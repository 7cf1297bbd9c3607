import { z } from 'zod';
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
    sources: ['LSC', 'PC']
  },
  {
    id: '2',
    title: 'Set the engagement objectives',
    summary: 'Say what you want to find out and which decisions the engagement will support.',
    sources: ['LSC', 'PC']
  },
  {
    id: '3',
    title: 'Decide who to engage',
    summary: 'Map stakeholders and do the equality impact assessment. Reach people in a reasonable, representative and proportionate way.',
    sources: ['LSC', 'PC']
  },
  {
    id: '4a',
    title: 'Patient representative on the decision-making board',
    summary: 'Appoint a patient representative as soon as practical at the start of the project.',
    durationText: 'As soon as practical at project start',
    sources: ['LSC', 'PC']
  },
  {
    id: '4b',
    title: 'Patient advisory group',
    summary: 'An advisory group of patients and carers that works with the project throughout, from the case for change.',
    durationText: 'Throughout, from the case for change',
    sources: ['LSC', 'PC']
  },
  {
    id: '4c',
    title: 'Pre-consultation engagement',
    summary: 'Talk to people before any formal consultation to shape the options.',
    duration: { minWeeks: 4 },
    durationText: 'At least 4 weeks, often much longer',
    mayBeSkipped: 'When the case for change and the patient view are already clear and evidenced (PC).',
    sources: ['LSC', 'PC']
  },
  {
    id: '4d',
    title: 'Involvement and co-production',
    summary: 'Work with people as partners. This takes months rather than weeks.',
    duration: { minWeeks: 6, maxWeeks: WEEKS_IN_SIX_MONTHS },
    durationText: '6 weeks to 6 months',
    sources: ['LSC', 'PC']
  },
  {
    id: '4e',
    title: 'Wider consultation or engagement',
    summary: 'Ask the wider public and stakeholders for their views.',
    duration: { minWeeks: 4, maxWeeks: 12 },
    durationText: 'At least 4 to 12 weeks',
    sources: ['LSC', 'PC']
  },
  {
    id: '5',
    title: 'Choose how to engage',
    summary: 'Pick methods that suit each audience, and plan for accessibility.',
    sources: ['LSC', 'PC']
  },
  {
    id: '6',
    title: 'Plan, prepare and promote',
    summary: 'Book venues, prepare materials and let people know.',
    duration: { minWeeks: 2, maxWeeks: 8 },
    durationText: 'At least 2 to 8 weeks or more',
    sources: ['LSC', 'PC']
  },
  {
    id: '7',
    title: 'Do the engagement',
    summary: 'Run the activities and keep checking who you are reaching.',
    duration: { minWeeks: 4, maxWeeks: 12 },
    durationText: 'At least 4 to 12 weeks (longer for co-production)',
    sources: ['LSC', 'PC']
  },
  {
    id: '8',
    title: 'Analyse, evaluate and report',
    summary: 'Analyse what people said and write the report. Keep a record of responses for 5 years.',
    duration: { minWeeks: 2 },
    durationText: 'At least 2 weeks',
    sources: ['LSC', 'PC']
  },
  {
    id: '9',
    title: 'Report outcomes: "you said, we did"',
    summary: 'Tell people what changed, or did not, because of what they said.',
    duration: { minWeeks: 4 },
    durationText: 'Depends on decision making, but unlikely to be under 4 weeks',
    sources: ['LSC', 'PC']
  }
];

/** How long the record of responses must be kept, in years (LSC step 8). */
export const RESPONSE_RECORD_RETENTION_YEARS = 5;

/** What the step 8 report must state (LSC step 8). */
export const REPORT_CONTENTS: readonly string[] = [
  'Dates and timescales',
  'What engagement took place',
  'A breakdown of who took part',
  'Themes and findings',
  'Recommendations',
  'Next steps, including what will and will not change because of the findings'
];

/** Look up a step by id. */
export function guideStep(id: StepId): GuideStep {
  const step = GUIDE_STEPS.find((s) => s.id === id);
  if (!step) {
    throw new Error(`Unknown guide step ${id}`);
  }
  return step;
}
