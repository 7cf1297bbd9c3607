import type { CitationId } from './citations';

/**
 * A plain-English check for what a lead writes for the public ("you said, we did"): LSC asks
 * written materials to "avoid the use of jargon and corporate-speak; aim for a 10-year-old
 * literacy level" (CITATIONS.lscReadingAge). The estimate is the Flesch–Kincaid grade plus 5
 * (a US school grade to a UK reading age); it is a guide, not a measurement, and says so.
 */
export const TARGET_READING_AGE = 10;

/**
 * Sentences longer than this are flagged. The toolkits name no figure: 25 words is the product's
 * choice (a common plain-English limit), so the UI calls it a suggestion.
 */
export const LONG_SENTENCE_WORDS = 25;

/** The guidance behind the check. */
export const READING_AGE_CITATIONS: readonly CitationId[] = ['lscReadingAge'];

/**
 * Words and phrases that readers outside the NHS often do not know, each with a plainer choice.
 * The product's own list (the toolkits ask for no jargon but give no list); matched as whole words.
 */
export const JARGON: ReadonlyArray<{ readonly term: string; readonly instead: string }> = [
  { term: 'stakeholders', instead: 'people and groups' },
  { term: 'stakeholder', instead: 'person or group' },
  { term: 'service users', instead: 'people who use the service' },
  { term: 'service user', instead: 'person who uses the service' },
  { term: 'pathway', instead: 'the steps of your care' },
  { term: 'commissioning', instead: 'planning and buying services' },
  { term: 'commissioned', instead: 'paid for' },
  { term: 'co-production', instead: 'working together as equals' },
  { term: 'co-produced', instead: 'made together' },
  { term: 'ICB', instead: 'the local NHS' },
  { term: 'integrated care board', instead: 'the local NHS' },
  { term: 'utilise', instead: 'use' },
  { term: 'facilitate', instead: 'help' },
  { term: 'leverage', instead: 'use' },
  { term: 'going forward', instead: 'from now on' },
  { term: 'workstream', instead: 'piece of work' },
  { term: 'deliverables', instead: 'what we will do' },
  { term: 'cohort', instead: 'group' },
  { term: 'acuity', instead: 'how ill people are' },
  { term: 'modality', instead: 'type' },
  { term: 'outpatient', instead: 'hospital appointment' },
  { term: 'decommission', instead: 'stop' },
  { term: 'decommissioned', instead: 'stopped' },
  { term: 'engagement', instead: 'talking with people' }
];

/** What the check found in a text. */
export interface ReadabilityReport {
  readonly words: number;
  readonly sentences: number;
  /** Estimated reading age in years (null for fewer than 10 words: too short to say). */
  readonly readingAge: number | null;
  /** True when the estimate is above the target of about 10. */
  readonly aboveTarget: boolean;
  /** Sentences longer than {@link LONG_SENTENCE_WORDS} words, as written, with their word counts. */
  readonly longSentences: ReadonlyArray<{ readonly text: string; readonly words: number }>;
  /** Jargon found, each once, with a plainer choice. */
  readonly jargon: ReadonlyArray<{ readonly term: string; readonly instead: string }>;
}

/** Syllables in one English word, by vowel groups (a close, well-known estimate). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

const wordsOf = (text: string): string[] => text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];

/** Split text into sentences at full stops, question marks, exclamation marks and line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Estimate the reading age of `text`, and flag long sentences and jargon. */
export function checkReadability(text: string): ReadabilityReport {
  const sentences = sentencesOf(text);
  const words = wordsOf(text);
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  let readingAge: number | null = null;
  if (words.length >= 10 && sentences.length > 0) {
    const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllableCount / words.length) - 15.59;
    readingAge = Math.max(5, Math.round(grade + 5));
  }
  const longSentences = sentences.map((s) => ({ text: s, words: wordsOf(s).length })).filter((s) => s.words > LONG_SENTENCE_WORDS);
  const found: Array<{ term: string; instead: string }> = [];
  let rest = text;
  for (const entry of JARGON) {
    const pattern = new RegExp(
      `(^|[^A-Za-z-])${escapeRegExp(entry.term)}(?![A-Za-z-])`,
      entry.term === entry.term.toUpperCase() ? 'g' : 'gi'
    );
    if (pattern.test(rest)) {
      found.push({ ...entry });
      // A longer phrase found first ("service users") is not reported again as a shorter one ("service user").
      rest = rest.replace(pattern, '$1');
    }
  }
  return {
    words: words.length,
    sentences: sentences.length,
    readingAge,
    aboveTarget: readingAge !== null && readingAge > TARGET_READING_AGE + 1,
    longSentences,
    jargon: found
  };
}
