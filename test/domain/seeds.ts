import { readFileSync } from 'fs';
import { join } from 'path';
import { emptyTriage, SOURCES, type ConsultationTriage, type SourceId } from '../../src/domain';

/** The seed files, by the short name the domain uses. */
export const SEED_FILES: Readonly<Record<SourceId, string>> = Object.fromEntries(
  Object.entries(SOURCES).map(([id, s]) => [id, s.file])
) as Record<SourceId, string>;

/**
 * A seed's text with line breaks read as spaces and words hyphenated across a line joined, so a
 * quote can span the seed's line breaks.
 */
export function normalise(text: string): string {
  return text.replace(/-[ \t]*\r?\n\s*/g, '-').replace(/\s+/g, ' ');
}

const cache = new Map<string, string>();

/** The text of a seed file in `shared/seeds` (read from disk, so a test fails if the seed changes). */
export function seedText(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = normalise(readFileSync(join(__dirname, '../../../shared/seeds', file), 'utf8'));
    cache.set(file, text);
  }
  return text;
}

/**
 * Assert that a seed file says exactly `quote` and return it: a test that implements a line of
 * guidance names the file and quotes the line, and fails if the line is not there.
 */
export function seedSays(file: string, quote: string): string {
  const text = seedText(file);
  if (!text.includes(normalise(quote))) throw new Error(`${file} does not say: "${quote}"`);
  return quote;
}

/**
 * Triage with every yes/no question answered "no" and the level-choosing questions answered
 * (information, developing options, few people, resources agreed), then the overrides.
 */
export function answered(overrides: Partial<ConsultationTriage> = {}): ConsultationTriage {
  const t = emptyTriage();
  for (const k of Object.keys(t) as Array<keyof ConsultationTriage>) if (t[k] === null) (t as Record<string, unknown>)[k] = 'no';
  return { ...t, contribution: 'information', stage: 'developingOptions', reach: 'few', resources: 'agreed', ...overrides };
}

/** Triage with nothing answered, then the overrides. */
export function unanswered(overrides: Partial<ConsultationTriage> = {}): ConsultationTriage {
  return { ...emptyTriage(), ...overrides };
}

export const LSC = SEED_FILES.LSC;
export const PC = SEED_FILES.PC;
export const NENC = SEED_FILES.NENC;
export const TRUST = SEED_FILES.TRUST;
export const SUF = SEED_FILES.SUF;
