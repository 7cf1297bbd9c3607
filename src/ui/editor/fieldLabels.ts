/**
 * The on-screen name of every field of a plan, by its path, for messages that list fields (a
 * conflict, a value that could not be saved or read): "Project title (About the project)", never
 * "project.title".
 */
import {
  ENGAGEMENT_METHODS,
  GUIDE_SECTION_TITLES,
  INEQUALITY_GROUPS,
  PLAN_STORAGE_GROUPS,
  PROTECTED_CHARACTERISTICS,
  TRIAGE_QUESTION_TEXT,
  type GuideSection,
  type TriageQuestion
} from '../../domain';

const LABELS: Readonly<Record<string, readonly [GuideSection, string]>> = {
  'project.title': ['about', 'Project title'],
  'project.currentService': ['about', 'The current service'],
  'project.focus': ['about', 'The focus of this involvement'],
  'project.existingInsight': ['about', 'What we already know'],
  'project.insightLinks': ['about', 'Links to existing insight'],
  'project.inScope': ['about', 'In scope'],
  'project.outOfScope': ['about', 'Not in scope'],
  'project.systemLevel': ['about', 'Level of the system'],
  'project.placeName': ['about', 'Place or neighbourhood'],
  'project.organisation': ['about', 'Organisation leading the project'],
  'project.clinicalLead': ['about', 'Clinical lead'],
  'project.decisionDate': ['about', 'Date the decision will be made'],
  'project.decisionBody': ['about', 'The body that will make the decision'],
  'objectives.whatWeWantToUnderstand': ['objectives', 'What we want to understand'],
  'objectives.decisions': ['objectives', 'Decisions this engagement will inform'],
  'objectives.whoIsAffected': ['objectives', 'Who is affected'],
  triage: ['level', 'Legal triage questions'],
  'level.recommended': ['level', 'Recommended level'],
  'level.chosen': ['level', 'The level you will use'],
  'level.reasonForDifferentLevel': ['level', 'Why you chose a different level'],
  'level.confirmedByTeam': ['level', 'Level confirmed by the involvement team'],
  timeline: ['timeline', 'Timeline'],
  methods: ['methods', 'Methods you will use'],
  budget: ['methods', 'Budget'],
  'equality.considerations': ['equality', 'Equality considerations'],
  'equality.eiaStatus': ['equality', 'Equality impact assessment'],
  'equality.eiaLink': ['equality', 'Link to the equality impact assessment'],
  'communications.versions': ['communications', 'Version table'],
  'communications.introduction': ['communications', 'Introduction and background'],
  'communications.smartObjective': ['communications', 'Objective'],
  'communications.strategy': ['communications', 'Strategy overview'],
  'communications.pest.political': ['communications', 'Political'],
  'communications.pest.economic': ['communications', 'Economic'],
  'communications.pest.social': ['communications', 'Social'],
  'communications.pest.technological': ['communications', 'Technological'],
  'communications.risks': ['communications', 'Risks and how we will reduce them'],
  'communications.audiences': ['communications', 'Audiences, key messages and tactics'],
  'communications.keyDates': ['communications', 'Key dates'],
  'communications.kpis': ['communications', 'Evaluation: measures and desired outcomes'],
  'communications.governance.whoLeads': ['communications', 'Who leads'],
  'communications.governance.whoApproves': ['communications', 'Who approves'],
  principles: ['review', 'Principles check'],
  'stakeholderMap.gapNotes': ['stakeholders', 'What you will do about groups no one reaches'],
  review: ['review', 'Marked ready to submit']
};

/** Names of the fields inside a row of a list, by the list's path. */
const ROW_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'project.insightLinks': { title: 'title', url: 'web address' },
  timeline: { start: 'starts', end: 'ends', skipped: 'not needed', skipReason: 'why it is not needed' },
  methods: { method: 'method', audience: 'audience', notes: 'notes' },
  budget: { item: 'item', description: 'what it is', unitCostGbp: 'cost each (£)', quantity: 'how many' },
  'equality.considerations': { group: 'group', likelyImpact: 'likely impact', howWeWillReachThem: 'how we will reach them' },
  'communications.versions': { version: 'version', date: 'date', contributors: 'contributors', notes: 'notes' },
  'communications.risks': { risk: 'risk', mitigation: 'how we will reduce it' },
  'communications.audiences': { audience: 'audience', keyMessages: 'key messages', tactics: 'tactics' },
  'communications.keyDates': { date: 'date', what: 'what happens' },
  'communications.kpis': { kpi: 'measure', desiredOutcome: 'desired outcome' },
  principles: { principle: 'principle', met: 'met', evidence: 'evidence' }
};

const ROW_NAMES: Readonly<Record<string, string>> = {
  'project.insightLinks': 'Link',
  timeline: 'Step',
  methods: 'Method',
  budget: 'Cost',
  'equality.considerations': 'Group',
  'communications.versions': 'Version',
  'communications.risks': 'Risk',
  'communications.audiences': 'Audience',
  'communications.keyDates': 'Key date',
  'communications.kpis': 'Measure',
  'objectives.decisions': 'Decision',
  principles: 'Principle'
};

const groupName = (id: string): string | undefined => [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].find((g) => g.id === id)?.name;
const methodName = (id: string): string | undefined => ENGAGEMENT_METHODS.find((m) => m.id === id)?.name;

function humanise(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const words = last.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The section a path of plan content is shown in. */
export function sectionOfPath(path: string): GuideSection {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const found = LABELS[parts.slice(0, n).join('.')];
    if (found) return found[0];
  }
  return 'review';
}

/**
 * The name a person sees for a path of plan content, with its section: "Project title (About
 * the project)", "Risk 2: how we will reduce it (Communications and engagement plan)".
 * `content` (optional) lets rows be named by what they hold (a step's number, a group's name).
 */
export function fieldLabel(path: string, content?: unknown): string {
  const parts = path.split('.');
  const section = (s: GuideSection): string => ` (${GUIDE_SECTION_TITLES[s]})`;
  if (parts[0] === 'triage' && parts[1]) {
    const text = (TRIAGE_QUESTION_TEXT as Readonly<Record<string, string>>)[parts[1] as TriageQuestion];
    return `${text ?? humanise(path)}${section('level')}`;
  }
  if (parts[0] === 'stakeholderMap' && parts[1] === 'gapNotes' && parts[2])
    return `What you will do about ${groupName(parts[2]) ?? parts[2]}${section('stakeholders')}`;
  for (let n = parts.length; n > 0; n -= 1) {
    const key = parts.slice(0, n).join('.');
    const found = LABELS[key];
    if (!found) continue;
    const rest = parts.slice(n);
    if (rest.length === 0 || !/^\d+$/.test(rest[0]))
      return `${rest.length ? `${found[1]}: ${humanise(path).toLowerCase()}` : found[1]}${section(found[0])}`;
    const index = Number(rest[0]);
    const row = getRow(content, key, index);
    const rowName = describeRow(key, index, row);
    const field = rest[1] ? (ROW_FIELDS[key]?.[rest[1]] ?? humanise(rest[1]).toLowerCase()) : undefined;
    return `${rowName}${field ? `: ${field}` : ''}${section(found[0])}`;
  }
  return humanise(path);
}

function getRow(content: unknown, listPath: string, index: number): Record<string, unknown> | undefined {
  const list = listPath
    .split('.')
    .reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), content);
  const row = Array.isArray(list) ? (list[index] as unknown) : undefined;
  return row && typeof row === 'object' ? (row as Record<string, unknown>) : undefined;
}

function describeRow(listPath: string, index: number, row: Record<string, unknown> | undefined): string {
  if (listPath === 'timeline' && typeof row?.step === 'string') return `Step ${row.step}`;
  if (listPath === 'equality.considerations' && typeof row?.group === 'string') return groupName(row.group) ?? `Group ${index + 1}`;
  if (listPath === 'methods' && typeof row?.method === 'string') return `Method ${index + 1} (${methodName(row.method) ?? row.method})`;
  return `${ROW_NAMES[listPath] ?? 'Item'} ${index + 1}`;
}

/**
 * The name of what a stored-value problem is about: a field (as `fieldLabel`), or, for a whole
 * stored part that could not be read, the sections it holds.
 */
export function storedPartLabel(path: string, content?: unknown): string {
  const group = (PLAN_STORAGE_GROUPS as Readonly<Record<string, readonly string[]>>)[path];
  if (!group) return fieldLabel(path, content);
  const sections = [...new Set(group.map((key) => GUIDE_SECTION_TITLES[sectionOfPath(key)]))];
  return `Answers in ${sections.map((s) => `“${s}”`).join(', ')}`;
}
