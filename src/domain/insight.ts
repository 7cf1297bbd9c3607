import { z } from 'zod';
import { RETENTION_YEARS, type EngagementRecordContent } from './afterEngagement';

/**
 * Insight (issue 11 §4): "Lessons and findings become insight: searchable from a new plan's 'What
 * we already know', so the next project starts from what the organisation already heard." What a
 * finished engagement heard — its lessons learned, findings, themes and "you said, we did" — is
 * kept beside its record as short entries, searched from a new plan, and cited in one line.
 */

/** What an entry of insight is. */
export const INSIGHT_KINDS = ['lesson', 'finding', 'theme', 'youSaidWeDid'] as const;
/** What an entry of insight is. */
export type InsightKind = (typeof INSIGHT_KINDS)[number];
/** What each kind is called on screen. */
export const INSIGHT_KIND_LABELS: Readonly<Record<InsightKind, string>> = {
  lesson: 'Lesson learned',
  finding: 'Finding',
  theme: 'Theme',
  youSaidWeDid: 'You said, we did'
};

/** Longest entry kept (a finding or a summary is cut here, on a word, with "…"). */
export const INSIGHT_ENTRY_MAX_CHARS = 600;
/** Most characters of insight kept with one record (well within a note column). */
export const INSIGHT_MAX_CHARS = 8000;

/** One thing a plan's engagement heard or learned. */
export const insightEntrySchema = z.object({
  kind: z.enum(INSIGHT_KINDS),
  text: z.string().min(1).max(INSIGHT_ENTRY_MAX_CHARS)
});
/** One thing a plan's engagement heard or learned. */
export type InsightEntry = z.infer<typeof insightEntrySchema>;
/** The insight kept with a record. */
export const insightEntriesSchema = z.array(insightEntrySchema).max(200);

/** Text on one line, cut on a word to `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The insight in a record: the lessons learned, each finding (with what changes or why it cannot),
 * each theme and the "you said, we did" summary — in that order, so the most useful survive the cap.
 */
export function insightOf(content: EngagementRecordContent): InsightEntry[] {
  const entries: InsightEntry[] = [];
  const add = (kind: InsightKind, text: string): void => {
    const line = oneLine(text, INSIGHT_ENTRY_MAX_CHARS);
    if (line) entries.push({ kind, text: line });
  };
  add('lesson', content.evaluation.lessons);
  for (const t of content.trace) {
    const outcome =
      t.outcome === 'willChange' && t.because.trim()
        ? ` What will change: ${t.because.trim()}`
        : t.outcome === 'willNotChange' && t.because.trim()
          ? ` What will not change, and why: ${t.because.trim()}`
          : '';
    add('finding', `${t.finding.trim()}${outcome}`);
  }
  for (const t of content.themes) add('theme', t.description.trim() ? `${t.name.trim()}: ${t.description.trim()}` : t.name);
  add('youSaidWeDid', content.feedback.summary);
  const kept: InsightEntry[] = [];
  let size = 2;
  for (const e of entries) {
    size += JSON.stringify(e).length + 1;
    if (size > INSIGHT_MAX_CHARS || kept.length >= 200) break;
    kept.push(e);
  }
  return kept;
}

/** Lower case without accents, so "Café" finds "cafe". */
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The words of a search, folded (words of one letter are left out). */
export function searchWords(query: string): string[] {
  return [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length > 1).slice(0, 12);
}

/** True when every word of the search is in the text (anywhere, in any order, accents and case aside). */
export function matchesWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const folded = fold(text);
  return words.every((w) => folded.includes(w));
}

/** One thing found: what a plan's engagement heard, and which plan. */
export interface InsightResult {
  readonly planId: number;
  readonly planTitle: string;
  /** The last day of that engagement (YYYY-MM-DD). */
  readonly periodEnd: string;
  readonly status: 'reporting' | 'closed';
  readonly kind: InsightKind;
  readonly text: string;
}

/** What a search found, and how much it looked through. */
export interface InsightSearch {
  readonly results: InsightResult[];
  /** Records looked through. */
  readonly searched: number;
  /** True when there were more records than one search looks through (the oldest were not searched). */
  readonly limited: boolean;
  /** True when more matched than are shown. */
  readonly more: boolean;
}

/** Searches what earlier plans' engagement heard ("Engagement records" in production). */
export interface InsightRepository {
  /**
   * Entries matching every word of `query` from plans in Reporting or Closed whose engagement
   * ended in the last {@link INSIGHT_YEARS} years, newest first: only records the plan's lead or
   * the involvement team wrote, a closed plan's as the team signed it off. `excludePlanId`: the
   * plan being written.
   */
  search(query: string, options?: { excludePlanId?: number; onProgress?: (searched: number) => void }): Promise<InsightSearch>;
}

/** How far back a search looks: the years a record of responses is kept (LSC: five). */
export const INSIGHT_YEARS = RETENTION_YEARS;

/** The line added to "What we already know" for a result: "From <plan title> (<year>): <text>". */
export function citedLine(result: Pick<InsightResult, 'planTitle' | 'periodEnd' | 'text'>): string {
  const year = /^\d{4}/.test(result.periodEnd) ? result.periodEnd.slice(0, 4) : 'date not recorded';
  return `From ${oneLine(result.planTitle, 200) || 'an earlier plan'} (${year}): ${oneLine(result.text, 400)}`;
}

/**
 * "What we already know" with a cited line added at the end on a line of its own — never
 * replacing what the lead wrote; a line already there is not added twice.
 */
export function withCitedLine(existing: string, line: string): string {
  if (existing.split(/\r?\n/).some((l) => l.trim() === line.trim())) return existing;
  const kept = existing.replace(/\s+$/, '');
  return kept ? `${kept}\n${line}` : line;
}
