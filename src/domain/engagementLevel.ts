import { z } from 'zod';
import type { SourceId } from './sources';

/**
 * The ladder of engagement. The toolkits name four or five rungs differently; the product keeps
 * one ladder and shows each source's name as an alias (DOMAIN.md §4).
 * Order, lowest to highest: TRUST Appendix 1 (Arnstein ladder).
 */
export const ENGAGEMENT_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'devolve'] as const;

/** One rung of the ladder of engagement. */
export const engagementLevelSchema = z.enum(ENGAGEMENT_LEVELS, { error: 'level.invalid' });
/** One rung of the ladder of engagement. */
export type EngagementLevel = z.infer<typeof engagementLevelSchema>;

/** What the guidance says about one rung: plain name, aliases per source, when to use it. */
export interface EngagementLevelInfo {
  readonly level: EngagementLevel;
  readonly name: string;
  /** What this rung means, in plain words (TRUST Appendix 1). */
  readonly description: string;
  /** Names the source toolkits use for the same rung. */
  readonly aliases: ReadonlyArray<{ readonly source: SourceId; readonly name: string }>;
  /** When the guidance suggests this rung (PC Appendix 1, TRUST). */
  readonly whenToUse: readonly string[];
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
}

/** Reference data for each rung. Sources: TRUST Appendix 1, PC Appendix 1, SUF spectrum, LSC. */
export const ENGAGEMENT_LEVEL_INFO: Readonly<Record<EngagementLevel, EngagementLevelInfo>> = {
  inform: {
    level: 'inform',
    name: 'Inform',
    description: 'Give people clear, balanced information so they understand the problem, the options and what is decided.',
    aliases: [
      { source: 'TRUST', name: 'Informing' },
      { source: 'PC', name: 'Inform' },
      { source: 'SUF', name: 'Inform' },
      { source: 'LSC', name: 'Information sharing' }
    ],
    whenToUse: [
      'Raising awareness of a new service',
      'Changes that are outside our control',
      'Minor changes such as a timetable or booking procedure'
    ],
    strengths: ['Reaches large and diverse groups efficiently'],
    weaknesses: ['People have no say in the decision', 'Not right for significant decisions']
  },
  consult: {
    level: 'consult',
    name: 'Consult',
    description: 'Ask people for feedback on the analysis, the options or the proposed decision.',
    aliases: [
      { source: 'TRUST', name: 'Consulting' },
      { source: 'PC', name: 'Consult' },
      { source: 'SUF', name: 'Engage' },
      { source: 'LSC', name: 'Engage' }
    ],
    whenToUse: ['Significant change to what, how or where services are provided', 'Long-term plans', 'Contentious issues'],
    strengths: ['Can include large and diverse groups', 'Flexible', 'Builds better working relationships'],
    weaknesses: ['Hard to steer towards a specific outcome']
  },
  involve: {
    level: 'involve',
    name: 'Involve',
    description: 'Work directly with people on each part of the decision, including the options and the preferred one.',
    aliases: [
      { source: 'TRUST', name: 'Involving' },
      { source: 'PC', name: 'Involve' },
      { source: 'SUF', name: 'Involve' }
    ],
    whenToUse: [
      'Minor changes to opening times, booking, leaflets or referral criteria (PC)',
      'Pathway redesign, together with consultation (TRUST)'
    ],
    strengths: [
      'A lot of interaction with participants',
      'Uses the insight of people who use the service',
      'Builds trust in how the decision is made'
    ],
    weaknesses: ['Depends on skilled facilitation', 'Hard with large groups', 'Participants can become less representative over time']
  },
  collaborate: {
    level: 'collaborate',
    name: 'Collaborate or co-produce',
    description: 'Work in equal partnership with patients and communities on every part of the decision.',
    aliases: [
      { source: 'TRUST', name: 'Collaborating' },
      { source: 'PC', name: 'Co-produce' },
      { source: 'SUF', name: 'Co-produce' },
      { source: 'LSC', name: 'Partnership' }
    ],
    whenToUse: ['Significant change', 'Designing a service with the people who use it'],
    strengths: ['Patients and professionals work together as equals', 'Builds skills, confidence and aspiration'],
    weaknesses: ['Hard with larger groups', 'Can look exclusive to people not invited', 'Needs a lot of time from everyone']
  },
  devolve: {
    level: 'devolve',
    name: 'Devolve',
    description: 'Put the decision in the hands of the community or the individual.',
    aliases: [
      { source: 'TRUST', name: 'Devolving' },
      { source: 'PC', name: 'Devolve' },
      { source: 'LSC', name: 'Empower' }
    ],
    whenToUse: ['Community development', 'Personal health budgets'],
    strengths: ['People make their own decisions'],
    weaknesses: ['Only realistic in narrow situations', 'Decisions may not be clinically indicated']
  }
};

/** Position of a level on the ladder (0 = inform). */
export function levelRank(level: EngagementLevel): number {
  return ENGAGEMENT_LEVELS.indexOf(level);
}
