import { z } from 'zod';
import type { CitationId } from './citations';
import { ALL_EQUALITY_GROUPS, retentionDate, type EngagementRecordContent, type Theme } from './afterEngagement';
import { equalityGroupSchema, type EqualityGroup } from './plan';
import { INEQUALITY_GROUPS, PROTECTED_CHARACTERISTICS } from './referenceData';
import { equalityGroupFromText, parseCsv, splitCellList, unguard, type CsvProblem, type CsvRow } from './stakeholderCsv';
import { msg } from './validation';

/**
 * Responses: what people said, one item per response (issue 11 §2), imported from a survey's CSV
 * export or entered by hand, tagged with themes. A record of responses is kept for five years
 * after the plan closes (LSC, PC step 8: "A record must be kept of responses and feedback
 * received (and retained for five years)"); surveys are monitored for "response rates, locality,
 * emerging themes" (LSC step 7), so each response keeps its place and group. Responses are
 * anonymous: only the columns the lead picks (the free text, place and group) are stored.
 */

/** The guidance responses follow. */
export const RESPONSE_CITATIONS: readonly CitationId[] = ['lscRetention', 'lscMonitoring'];

/** Longest response kept (SharePoint's plain multi-line text holds 63,999; a survey answer is far shorter). */
export const RESPONSE_TEXT_MAX = 8000;
/** Most rows one import may hold. */
export const RESPONSES_CSV_MAX_ROWS = 10_000;

/** What each protected characteristic and inequality group is called on screen. */
export const EQUALITY_GROUP_NAMES: Readonly<Record<EqualityGroup, string>> = Object.fromEntries(
  [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].map((g) => [g.id, g.name])
) as Record<EqualityGroup, string>;

const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, msg('value.invalid'));

/** What the lead writes or imports for one response. */
export const responseFieldsSchema = z.object({
  text: z
    .string()
    .max(RESPONSE_TEXT_MAX, msg('after.response.text.tooLong'))
    .refine((v) => v.trim() !== '', msg('after.response.text.required')),
  /** Place or locality (for monitoring by locality). */
  place: z.string().max(255, msg('text.tooLong')),
  /** The protected characteristics and inequality groups the respondent said they belong to. */
  groups: z.array(equalityGroupSchema).max(ALL_EQUALITY_GROUPS.length),
  /** The record's themes this response raises (several allowed). */
  themeIds: z.array(rowId).max(50)
});
/** One response's fields. */
export type ResponseFields = z.infer<typeof responseFieldsSchema>;

/** A response's row key: one key, one item, so an import tried again never adds a row twice. */
export const responseRowKeySchema = rowId;

/** Where a response came from, as stored ("Imported from survey.csv" or "Entered by hand"). */
export const ENTERED_BY_HAND = 'Entered by hand';
/** The source of an imported response. */
export const importedFrom = (fileName: string): string => `Imported from ${fileName}`.slice(0, 255);

/** A response to add: its row key, its source and its fields. */
export interface NewResponse {
  readonly rowKey: string;
  readonly source: string;
  readonly fields: ResponseFields;
}

/** A response as stored. Who added it and who last changed it are SharePoint's own Author and Editor. */
export interface EngagementResponse extends ResponseFields {
  readonly id: number;
  readonly version: string;
  readonly planId: number;
  readonly rowKey: string;
  readonly source: string;
  /** The date it may be deleted (five years after the plan closed); null until the plan closes. */
  readonly retainUntil: string | null;
  readonly authorId: number;
  readonly editorId: number;
  readonly modified: string;
}

/** An item in the responses list that is not counted, and why (for the team to see). */
export interface IgnoredResponse {
  readonly itemId: number;
  readonly reason: string;
}

/** A plan's responses: those that count, and those that do not (with why). */
export interface PlanResponses {
  readonly responses: EngagementResponse[];
  readonly ignored: IgnoredResponse[];
}

/** Stores responses ("Engagement responses" in production). */
export interface ResponseRepository {
  /**
   * The plan's responses, oldest first, read a page at a time on the indexed plan column. A
   * response counts only when the plan's lead or the involvement team added it; for a closed
   * plan (`closedAt`, when the team signed it off), only if it was last changed before then or
   * by the team.
   */
  forPlan(planId: number, options?: { closedAt?: string | null; onProgress?: (loaded: number) => void }): Promise<PlanResponses>;
  /**
   * Add responses, each once by row key, in $batch chunks: a retry, or the same file imported
   * again, finds the rows already there and adds only the missing. Returns the plan's responses.
   */
  addMany(planId: number, rows: readonly NewResponse[], onProgress?: (added: number) => void): Promise<EngagementResponse[]>;
  /** Save a response at the version read (412 → `conflict`). */
  save(response: EngagementResponse): Promise<EngagementResponse>;
  /**
   * Stamp the retention date on the plan's responses that lack it and, with a Microsoft Purview
   * retention label name, apply the label to each that does not carry it yet (so a label that
   * failed is applied on the next visit). Safe to repeat; returns how many responses it changed.
   */
  applyRetention(planId: number, retainUntil: string, label: string): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Import from CSV
// ---------------------------------------------------------------------------------------------

/** Which of the file's columns hold the response, the place and the group (column indexes). */
export interface ResponseColumns {
  readonly text: number | null;
  readonly place: number | null;
  readonly group: number | null;
}

/** A CSV file of responses, read: its headings, its rows, and the columns guessed from the headings. */
export interface ResponseCsvFile {
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly guess: ResponseColumns;
  /** A problem with the file as a whole: nothing can be imported. */
  readonly fileProblem?: string;
}

const norm = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const GUESSES: Record<keyof ResponseColumns, RegExp> = {
  text: /\b(response|responses|comment|comments|answer|feedback|views?|tell us|what|said|free text)\b/,
  place: /\b(place|locality|area|town|neighbourhood|district|postcode|where|location|ward)\b/,
  group: /\b(group|groups|equality|characteristic|characteristics|community|identity)\b/
};

/** Guess the columns from the headings (the lead confirms or changes the choice). */
export function guessResponseColumns(headers: readonly string[]): ResponseColumns {
  const find = (re: RegExp, not: Array<number | null>): number | null => {
    const i = headers.findIndex((h, index) => !not.includes(index) && re.test(norm(h)));
    return i < 0 ? null : i;
  };
  const place = find(GUESSES.place, []);
  const group = find(GUESSES.group, [place]);
  const text = find(GUESSES.text, [place, group]);
  return { text, place, group };
}

/** Read a CSV file of responses (its first row the column headings). */
export function readResponsesCsv(text: string): ResponseCsvFile {
  const none: ResponseColumns = { text: null, place: null, group: null };
  const parsed = parseCsv(text);
  if (parsed.error) return { headers: [], rows: [], guess: none, fileProblem: parsed.error.text };
  const [header, ...rows] = parsed.rows;
  if (!header)
    return {
      headers: [],
      rows: [],
      guess: none,
      fileProblem: 'The file is empty. It needs a first row of column headings, such as "Your comments" and "Where do you live".'
    };
  const headers = header.cells.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (rows.length === 0) return { headers, rows, guess: none, fileProblem: 'The file has column headings but no responses under them.' };
  if (rows.length > RESPONSES_CSV_MAX_ROWS)
    return {
      headers,
      rows: [],
      guess: none,
      fileProblem: `The file has ${rows.length.toLocaleString('en-GB')} rows; one import can add up to ${RESPONSES_CSV_MAX_ROWS.toLocaleString('en-GB')}. Split the file and import each part.`
    };
  return { headers, rows, guess: guessResponseColumns(headers) };
}

/** Answers in a group column that mean "no group given", not a mistake. */
const NO_GROUP = new Set(['', 'none', 'n a', 'na', 'prefer not to say', 'not known', 'not stated', 'no answer']);

/** What an import of responses found: rows ready to add, and every bad row by line, in plain English. */
export interface ResponseCsvImport {
  readonly ready: ReadonlyArray<{ readonly line: number; readonly fields: ResponseFields }>;
  readonly problems: readonly CsvProblem[];
}

/** Check every row of a file with the columns the lead chose; nothing is added here. */
export function importResponses(file: ResponseCsvFile, columns: ResponseColumns): ResponseCsvImport {
  if (columns.text === null) return { ready: [], problems: [] };
  const textColumn = file.headers[columns.text] ?? 'the response column';
  const ready: Array<{ line: number; fields: ResponseFields }> = [];
  const problems: CsvProblem[] = [];
  for (const row of file.rows) {
    const cell = (i: number | null): string => (i === null ? '' : unguard((row.cells[i] ?? '').trim()));
    const rowProblems: string[] = [];
    const text = cell(columns.text);
    if (!text) rowProblems.push(`the response (column "${textColumn}") is empty.`);
    else if (text.length > RESPONSE_TEXT_MAX)
      rowProblems.push(
        `the response is ${text.length.toLocaleString('en-GB')} characters long; the most kept is ${RESPONSE_TEXT_MAX.toLocaleString('en-GB')}. Shorten it or split it.`
      );
    const place = cell(columns.place);
    if (place.length > 255) rowProblems.push('the place is longer than 255 characters.');
    const groups: EqualityGroup[] = [];
    for (const g of splitCellList(cell(columns.group))) {
      if (NO_GROUP.has(norm(g))) continue;
      const id = equalityGroupFromText(g);
      if (id) groups.push(id);
      else rowProblems.push(`the group "${g}" is not a protected characteristic or inequality group we know, such as "Age" or "Carers".`);
    }
    if (rowProblems.length === 0) ready.push({ line: row.line, fields: { text, place, groups: [...new Set(groups)], themeIds: [] } });
    for (const p of rowProblems) problems.push({ line: row.line, text: `Line ${row.line}: ${p.charAt(0).toUpperCase()}${p.slice(1)}` });
  }
  return { ready, problems };
}

/**
 * A short fingerprint of a file's text (two 32-bit FNV-1a style hashes, 16 hex digits): with the
 * line number it makes each row's key, so importing the same file again adds nothing twice. It
 * is not a security measure: whose rows count is decided by SharePoint's Author.
 */
export function fileFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return `${a.toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** The row key of line `line` of an imported file. */
export const importRowKey = (fingerprint: string, line: number): string => `csv-${fingerprint}-${line}`;

/** The rows to add from an import the lead accepted. */
export function responsesToAdd(fileName: string, fingerprint: string, ready: ResponseCsvImport['ready']): NewResponse[] {
  const source = importedFrom(fileName);
  return ready.map((r) => ({ rowKey: importRowKey(fingerprint, r.line), source, fields: r.fields }));
}

// ---------------------------------------------------------------------------------------------
// Counts per theme and per group (issue 11 §2 "counts per theme and per group")
// ---------------------------------------------------------------------------------------------

/** One theme's counts: how many responses raise it, and how many of those came from each group. */
export interface ThemeCount {
  readonly themeId: string;
  readonly name: string;
  readonly responses: number;
  readonly byGroup: Readonly<Partial<Record<EqualityGroup, number>>>;
}

/** Counts over a plan's tagged responses. */
export interface ResponseCounts {
  readonly total: number;
  /** Responses with no theme yet. */
  readonly untagged: number;
  /** Each of the record's themes, in the record's order. */
  readonly themes: readonly ThemeCount[];
  /** Responses from each group (any theme). */
  readonly byGroup: Readonly<Partial<Record<EqualityGroup, number>>>;
  /** Responses by place, largest first ("Not recorded" for none). */
  readonly byPlace: ReadonlyArray<{ readonly place: string; readonly responses: number }>;
}

/** Count the responses per theme and per group. A theme id that is no longer a theme is not counted. */
export function countResponses(
  responses: ReadonlyArray<Pick<ResponseFields, 'themeIds' | 'groups' | 'place'>>,
  themes: readonly Theme[]
): ResponseCounts {
  const known = new Set(themes.map((t) => t.id));
  const perTheme = new Map<string, { responses: number; byGroup: Partial<Record<EqualityGroup, number>> }>(
    themes.map((t) => [t.id, { responses: 0, byGroup: {} }])
  );
  const byGroup: Partial<Record<EqualityGroup, number>> = {};
  const places = new Map<string, number>();
  let untagged = 0;
  for (const r of responses) {
    const tags = [...new Set(r.themeIds)].filter((id) => known.has(id));
    if (tags.length === 0) untagged += 1;
    const groups = [...new Set(r.groups)];
    for (const g of groups) byGroup[g] = (byGroup[g] ?? 0) + 1;
    for (const id of tags) {
      const c = perTheme.get(id);
      if (!c) continue;
      c.responses += 1;
      for (const g of groups) c.byGroup[g] = (c.byGroup[g] ?? 0) + 1;
    }
    const place = r.place.trim() || 'Not recorded';
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  return {
    total: responses.length,
    untagged,
    themes: themes.map((t) => ({ themeId: t.id, name: t.name, ...(perTheme.get(t.id) ?? { responses: 0, byGroup: {} }) })),
    byGroup,
    byPlace: [...places.entries()]
      .map(([place, n]) => ({ place, responses: n }))
      .sort((a, b) => b.responses - a.responses || a.place.localeCompare(b.place))
  };
}

/**
 * The record with each theme's count taken from the tagged responses (replacing a count typed by
 * hand), when the plan has responses; a record without responses keeps its typed counts, so
 * records kept before responses were stored read as they did.
 */
export function withCountedThemes(content: EngagementRecordContent, counts: ResponseCounts): EngagementRecordContent {
  if (counts.total === 0) return content;
  const byId = new Map(counts.themes.map((t) => [t.themeId, t]));
  return {
    ...content,
    themes: content.themes.map((t) => {
      const c = byId.get(t.id);
      return c ? { ...t, mentions: c.responses, counted: true, byGroup: { ...c.byGroup } } : t;
    })
  };
}

// ---------------------------------------------------------------------------------------------
// Quotes and retention
// ---------------------------------------------------------------------------------------------

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const PHONE = /(?:\+44|\b0)\d[\d ]{8,}\d/g;

/**
 * A response made into a quote: email addresses and phone numbers taken out (quotes are stored
 * without personal details) and cut to the longest quote kept. The lead reads it before saving.
 */
export function quoteFromResponse(text: string): string {
  const cleaned = text.replace(EMAIL, '[email removed]').replace(PHONE, '[phone number removed]').replace(/\s+/g, ' ').trim();
  return cleaned.length > 1000 ? `${cleaned.slice(0, 999)}…` : cleaned;
}

/** The retention date of a plan's responses, from the day it closed (LSC: "retained for five years"). */
export const responsesRetainUntil = (closedOn: string): string => retentionDate(closedOn);

/**
 * The name of a Microsoft Purview retention label, as the tenant's compliance administrator
 * created it (empty: no label is applied). Names are up to 64 characters and cannot hold the
 * characters SharePoint refuses in names.
 */
export const retentionLabelSchema = z
  .string()
  .trim()
  .max(64, msg('settings.retentionLabel.invalid'))
  .regex(/^[^<>%&\\/:*?"|#{}~]*$/, msg('settings.retentionLabel.invalid'));

/** The responses still without the retention date a closed plan's responses need. */
export function responsesNeedingRetention(responses: readonly EngagementResponse[], retainUntil: string): EngagementResponse[] {
  return responses.filter((r) => r.retainUntil !== retainUntil);
}
