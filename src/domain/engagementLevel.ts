import type { CitationId } from './citations';
import type { SourceId } from './sources';
import type { EngagementLevel } from './engagementLevelSchema';
import { ENGAGEMENT_LEVELS } from './choices';

// The schema is in its own module so the rungs' names (shown on the dashboard's first screen)
// load without zod's classic API.
export { ENGAGEMENT_LEVELS } from './choices';
export { engagementLevelSchema, type EngagementLevel } from './engagementLevelSchema';

/** A name one source toolkit gives a rung. */
export interface LevelAlias {
  readonly source: SourceId;
  readonly name: string;
}

/** What the product says about one rung: its plain name and meaning, and the names the sources use. */
export interface EngagementLevelInfo {
  readonly level: EngagementLevel;
  readonly name: string;
  /** What this rung means, in plain words (TRUST Appendix 1 description, shortened). */
  readonly description: string;
  readonly citation: CitationId;
  /**
   * Names the source toolkits give the same rung. LSC says "there are five levels of engagement"
   * but does not list them, so it has none here.
   */
  readonly aliases: readonly LevelAlias[];
}

/** The product's name and meaning for each rung, with each source's name for it. */
export const ENGAGEMENT_LEVEL_INFO: Readonly<Record<EngagementLevel, EngagementLevelInfo>> = {
  inform: {
    level: 'inform',
    name: 'Inform',
    description: 'Give people clear, balanced information so they understand the problem, the options and what is decided.',
    citation: 'trustInforming',
    aliases: [
      { source: 'TRUST', name: 'Informing' },
      { source: 'PC', name: 'Information sharing' },
      { source: 'SUF', name: 'Inform' },
      { source: 'NENC', name: 'Communication' }
    ]
  },
  consult: {
    level: 'consult',
    name: 'Consult',
    description:
      'Ask people for feedback on the analysis, the options or the proposed decision. Formal public consultation is on this rung.',
    citation: 'trustConsulting',
    aliases: [
      { source: 'TRUST', name: 'Consulting' },
      { source: 'PC', name: 'Consulting (formal, legal requirement)' },
      { source: 'SUF', name: 'Engage' },
      { source: 'NENC', name: 'Consultation (a formal process)' }
    ]
  },
  involve: {
    level: 'involve',
    name: 'Involve',
    description: 'Work directly with people on each part of the decision, including the options and the preferred one.',
    citation: 'trustInvolving',
    aliases: [
      { source: 'TRUST', name: 'Involving' },
      { source: 'PC', name: 'Involving' },
      { source: 'SUF', name: 'Involve' },
      { source: 'NENC', name: 'Involvement' }
    ]
  },
  collaborate: {
    level: 'collaborate',
    name: 'Collaborate or co-produce',
    description: 'Work in equal partnership with patients and communities on every part of the decision.',
    citation: 'trustCollaborating',
    aliases: [
      { source: 'TRUST', name: 'Collaborating' },
      { source: 'PC', name: 'Co-producing or collaborating' },
      { source: 'SUF', name: 'Co-produce' },
      { source: 'NENC', name: 'Co-production' }
    ]
  },
  devolve: {
    level: 'devolve',
    name: 'Devolve',
    description: 'Put the decision in the hands of the community or the individual.',
    citation: 'trustDevolving',
    aliases: [
      { source: 'TRUST', name: 'Devolving' },
      { source: 'PC', name: 'Devolving or empowering' }
    ]
  }
};

/**
 * Position of a level in TRUST Appendix 1's order (0 = inform). Kept for callers that sort by
 * level; advice that depends on "higher" or "lower" uses `rankOnLadder` with the ladder the
 * organisation shows.
 */
export function levelRank(level: EngagementLevel): number {
  return ENGAGEMENT_LEVELS.indexOf(level);
}
