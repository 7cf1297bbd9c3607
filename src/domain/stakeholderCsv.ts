/**
 * Stakeholder registers to and from CSV (issue 5 §1). Import checks every row and reports each
 * bad one by line and reason; nothing is added until the lead has seen that report. Export
 * writes the same columns, so an exported file can be imported again.
 */
import { equalityGroupSchema, type EqualityGroup } from './plan';
import {
  ENGAGEMENT_METHODS,
  INEQUALITY_GROUPS,
  PROTECTED_CHARACTERISTICS,
  STAKEHOLDER_CATALOGUE,
  type MethodId,
  type StakeholderCatalogueId
} from './referenceData';
import {
  emptyStakeholderFields,
  GRID_QUADRANT_INFO,
  GRID_QUADRANTS,
  newStakeholderSchema,
  STAKEHOLDER_KIND_NAMES,
  STAKEHOLDER_KINDS,
  type GridQuadrant,
  type StakeholderFields,
  type StakeholderKind
} from './stakeholder';
import { toFieldProblems } from './validation';

/** Most rows one import may hold (a map stays usable at 500; this leaves room). */
export const CSV_MAX_ROWS = 2000;

/** A row of a CSV file with the line it starts on (1 = the first line of the file). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** Split CSV text (RFC 4180: commas, double quotes, line breaks inside quotes; CRLF or LF; a UTF-8 BOM). */
export function parseCsv(text: string): { rows: CsvRow[]; error?: { line: number; text: string } } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowStart, cells });
      cells = [];
      cell = '';
      line += 1;
      rowStart = line;
    } else cell += ch;
  }
  if (quoted)
    return { rows, error: { line: rowStart, text: `Line ${rowStart}: a quoted value is never closed. Check for a missing " character.` } };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowStart, cells });
  }
  return { rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')) };
}

/** The register's columns, in file order, with the names accepted on import. */
const COLUMNS = [
  { key: 'name', header: 'Name' },
  { key: 'kind', header: 'Type' },
  { key: 'catalogue', header: 'Catalogue' },
  { key: 'email', header: 'Email' },
  { key: 'phone', header: 'Phone' },
  { key: 'mayContact', header: 'May contact' },
  { key: 'lawfulBasis', header: 'Lawful basis' },
  { key: 'quadrant', header: 'Grid box' },
  { key: 'reaches', header: 'Reaches' },
  { key: 'methods', header: 'Methods' },
  { key: 'channel', header: 'Channel' },
  { key: 'owner', header: 'Owner' },
  { key: 'audience', header: 'Audience' },
  { key: 'notes', header: 'Notes' }
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const norm = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const ALIASES: Record<string, ColumnKey> = {
  ...Object.fromEntries(COLUMNS.map((c) => [norm(c.header), c.key])),
  kind: 'kind',
  'catalogue entry': 'catalogue',
  category: 'catalogue',
  'email address': 'email',
  telephone: 'phone',
  'phone number': 'phone',
  'may we contact them': 'mayContact',
  box: 'quadrant',
  quadrant: 'quadrant',
  'equality groups': 'reaches',
  'how we engage': 'methods'
};

function lookup<Id extends string>(value: string, entries: ReadonlyArray<{ id: Id; name: string }>): Id | undefined {
  const v = norm(value);
  return entries.find((e) => norm(e.id) === v || norm(e.name) === v)?.id;
}
const KIND_ENTRIES = STAKEHOLDER_KINDS.map((id) => ({ id, name: STAKEHOLDER_KIND_NAMES[id] }));
const QUADRANT_ENTRIES = GRID_QUADRANTS.map((id) => ({ id, name: GRID_QUADRANT_INFO[id].name }));
const GROUP_ENTRIES = [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS];

/** The protected characteristic or inequality group a cell names (by id or by name, any case), if any. */
export function equalityGroupFromText(value: string): EqualityGroup | undefined {
  const id = lookup(value, GROUP_ENTRIES);
  return id && equalityGroupSchema.safeParse(id).success ? (id as EqualityGroup) : undefined;
}
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);
/** The values of a cell holding several, separated by semicolons (or bars). */
export const splitCellList = (s: string): string[] =>
  s
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);
/** Spreadsheet formula prefixes; exported cells starting with one get a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;
/** A cell as typed: the apostrophe an export puts before a formula character taken off. */
export const unguard = (s: string): string => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);

/** One row that could not be imported, and why, in plain English. */
export interface CsvProblem {
  readonly line: number;
  readonly text: string;
}

/** What an import found: rows ready to add, and every problem by line. */
export interface CsvImport {
  readonly ready: Array<{ line: number; fields: StakeholderFields }>;
  readonly problems: CsvProblem[];
  /** Problems with the file as a whole (no Name column, too many rows); nothing can be imported. */
  readonly fileProblem?: string;
  /** Columns in the file the product does not know; they are ignored. */
  readonly ignoredColumns: string[];
}

const FIELD_LABEL: Record<string, string> = {
  name: 'Name',
  kind: 'Type',
  catalogueEntry: 'Catalogue',
  email: 'Email',
  phone: 'Phone',
  mayContact: 'May contact',
  lawfulBasis: 'Lawful basis',
  quadrant: 'Grid box',
  reaches: 'Reaches',
  methods: 'Methods',
  channel: 'Channel',
  owner: 'Owner',
  audience: 'Audience',
  notes: 'Notes'
};

/** Read a stakeholder register from CSV text. The first row must be the column headings. */
export function importStakeholdersCsv(text: string): CsvImport {
  const parsed = parseCsv(text);
  if (parsed.error) return { ready: [], problems: [], fileProblem: parsed.error.text, ignoredColumns: [] };
  const [header, ...rows] = parsed.rows;
  if (!header)
    return {
      ready: [],
      problems: [],
      fileProblem: 'The file is empty. It needs a first row of column headings, such as Name, Type, Email.',
      ignoredColumns: []
    };
  const index = new Map<ColumnKey, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((h, i) => {
    const key = ALIASES[norm(h)];
    if (key && !index.has(key)) index.set(key, i);
    else if (h.trim()) ignoredColumns.push(h.trim());
  });
  if (!index.has('name'))
    return {
      ready: [],
      problems: [],
      fileProblem: 'The first row must name the columns, and one must be "Name". Download an export to see the columns we use.',
      ignoredColumns
    };
  if (rows.length === 0)
    return { ready: [], problems: [], fileProblem: 'The file has column headings but no stakeholders under them.', ignoredColumns };
  if (rows.length > CSV_MAX_ROWS)
    return {
      ready: [],
      problems: [],
      fileProblem: `The file has ${rows.length.toLocaleString('en-GB')} rows; one import can add up to ${CSV_MAX_ROWS.toLocaleString('en-GB')}. Split the file and import each part.`,
      ignoredColumns
    };

  const ready: CsvImport['ready'] = [];
  const problems: CsvProblem[] = [];
  for (const row of rows) {
    const get = (k: ColumnKey): string => {
      const i = index.get(k);
      return i === undefined ? '' : unguard((row.cells[i] ?? '').trim());
    };
    const rowProblems: string[] = [];
    const fields = emptyStakeholderFields();
    fields.name = get('name');
    const kindText = get('kind');
    const kind = kindText ? lookup(kindText, KIND_ENTRIES) : undefined;
    if (kindText && !kind) rowProblems.push(`Type "${kindText}" is not person, organisation or group.`);
    const catText = get('catalogue');
    const catalogue = catText ? lookup<StakeholderCatalogueId>(catText, STAKEHOLDER_CATALOGUE) : undefined;
    if (catText && !catalogue)
      rowProblems.push(`Catalogue "${catText}" is not a kind of stakeholder we know, such as Patients, Carers or Healthwatch.`);
    fields.catalogueEntry = catalogue ?? null;
    // A row with no type is a person when it has contact details, otherwise a group.
    fields.kind = (kind ?? (get('email') || get('phone') ? 'person' : 'group')) as StakeholderKind;
    fields.email = get('email');
    fields.phone = get('phone');
    const contact = norm(get('mayContact'));
    if (!YES.has(contact) && !NO.has(contact)) rowProblems.push(`May contact "${get('mayContact')}" should be yes or no.`);
    fields.mayContact = YES.has(contact);
    fields.lawfulBasis = get('lawfulBasis');
    const boxText = get('quadrant');
    const box = boxText ? lookup<GridQuadrant>(boxText, QUADRANT_ENTRIES) : undefined;
    if (boxText && !box) rowProblems.push(`Grid box "${boxText}" should be Manage closely, Keep satisfied, Keep informed or Monitor.`);
    fields.quadrant = box ?? null;
    const reaches: EqualityGroup[] = [];
    for (const g of splitCellList(get('reaches'))) {
      const id = equalityGroupFromText(g);
      if (id) reaches.push(id);
      else rowProblems.push(`Reaches "${g}" is not a protected characteristic or inequality group we know.`);
    }
    fields.reaches = [...new Set(reaches)];
    const methods: MethodId[] = [];
    for (const m of splitCellList(get('methods'))) {
      const id = lookup(m, ENGAGEMENT_METHODS);
      if (id) methods.push(id);
      else rowProblems.push(`Method "${m}" is not one in the methods list.`);
    }
    fields.methods = [...new Set(methods)];
    fields.channel = get('channel');
    fields.owner = get('owner');
    fields.audience = get('audience');
    fields.notes = get('notes');
    if (rowProblems.length === 0) {
      const checked = newStakeholderSchema.safeParse(fields);
      if (checked.success) ready.push({ line: row.line, fields: checked.data });
      else for (const p of toFieldProblems(checked.error)) rowProblems.push(`${FIELD_LABEL[p.path.split('.')[0]] ?? p.path}: ${p.text}`);
    }
    for (const text of rowProblems) problems.push({ line: row.line, text: `Line ${row.line}: ${text}` });
  }
  return { ready, problems, ignoredColumns };
}

function csvCell(value: string): string {
  const guarded = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The register as CSV (with a BOM so Excel reads it as UTF-8), in the columns import reads. */
export function exportStakeholdersCsv(stakeholders: readonly StakeholderFields[]): string {
  const name = <Id extends string>(id: Id | null, entries: ReadonlyArray<{ id: Id; name: string }>): string =>
    id ? (entries.find((e) => e.id === id)?.name ?? id) : '';
  const rows = stakeholders.map((s) => {
    const values: Record<ColumnKey, string> = {
      name: s.name,
      kind: STAKEHOLDER_KIND_NAMES[s.kind],
      catalogue: name(s.catalogueEntry, STAKEHOLDER_CATALOGUE),
      email: s.email,
      phone: s.phone,
      mayContact: s.mayContact ? 'Yes' : 'No',
      lawfulBasis: s.lawfulBasis,
      quadrant: s.quadrant ? GRID_QUADRANT_INFO[s.quadrant].name : '',
      reaches: s.reaches.map((g) => name(g, GROUP_ENTRIES)).join('; '),
      methods: s.methods.map((m) => name(m, ENGAGEMENT_METHODS)).join('; '),
      channel: s.channel,
      owner: s.owner,
      audience: s.audience,
      notes: s.notes
    };
    return COLUMNS.map((c) => csvCell(values[c.key])).join(',');
  });
  return `\ufeff${[COLUMNS.map((c) => c.header).join(','), ...rows].join('\r\n')}\r\n`;
}
