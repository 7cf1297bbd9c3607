import type { EqualityGroup, StakeholderMapNotes } from './plan';
import { ENGAGEMENT_METHODS, INEQUALITY_GROUPS, PROTECTED_CHARACTERISTICS, type MethodId } from './referenceData';
import type { Stakeholder } from './stakeholder';

/** What readiness and coverage need to know about a stakeholder on the map. */
export type MapEntry = Pick<Stakeholder, 'name' | 'quadrant' | 'reaches' | 'methods' | 'audience'>;

/** How well one protected characteristic or inequality group is reached by the map. */
export interface GroupCoverage {
  readonly group: EqualityGroup;
  readonly name: string;
  /** Names of the stakeholders on the map who reach the group. */
  readonly stakeholders: string[];
  /** The methods planned for those stakeholders, by name. */
  readonly methods: string[];
  /**
   * `reached`: someone reaches the group with a planned method. `noMethod`: someone reaches it
   * but no method is planned for them. `gap`: no one on the map reaches it.
   */
  readonly state: 'reached' | 'noMethod' | 'gap';
  /** What the lead says they will do about a gap (empty if nothing yet). */
  readonly note: string;
}

const methodName = (id: MethodId): string => ENGAGEMENT_METHODS.find((m) => m.id === id)?.name ?? id;

/**
 * "Who we are not hearing from" (DOMAIN.md §8): every protected characteristic and inequality
 * group against the stakeholders and methods that reach it.
 */
export function coverageMatrix(stakeholders: readonly MapEntry[], notes: StakeholderMapNotes): GroupCoverage[] {
  return [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].map(({ id, name }) => {
    const who = stakeholders.filter((s) => s.reaches.includes(id));
    const methods = [...new Set(who.flatMap((s) => s.methods))];
    const state = who.length === 0 ? 'gap' : methods.length === 0 ? 'noMethod' : 'reached';
    return {
      group: id,
      name,
      stakeholders: who.map((s) => s.name),
      methods: methods.map(methodName),
      state,
      note: notes.gapNotes[id] ?? ''
    };
  });
}

/** Groups with a gap and nothing said about it yet: these go to the readiness checklist. */
export function unaddressedGaps(stakeholders: readonly MapEntry[], notes: StakeholderMapNotes): GroupCoverage[] {
  return coverageMatrix(stakeholders, notes).filter((c) => c.state !== 'reached' && !c.note.trim());
}
