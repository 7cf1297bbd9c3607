/**
 * The one definition of every SharePoint list and column the product uses. This is the ONLY
 * place list titles and internal field names exist. Custom columns carry the prefix `ip`
 * (Involvement Planner) so they never collide with a site's own columns.
 * Indexed columns are the ones queries filter or sort on (SharePoint allows 20 per list).
 */
import { DECISION_KINDS, ENGAGEMENT_LEVELS, GRID_QUADRANTS, PLAN_STATUS_LABELS, STAKEHOLDER_KINDS, SYSTEM_LEVELS } from '../../domain';

export type ColumnType = 'Text' | 'Note' | 'Number' | 'Currency' | 'DateTime' | 'Boolean' | 'Choice' | 'MultiChoice' | 'User' | 'Lookup';

/** A column the product needs. */
export interface ColumnDefinition {
  readonly internalName: string;
  readonly displayName: string;
  readonly type: ColumnType;
  readonly indexed?: boolean;
  readonly choices?: readonly string[];
  /** For lookups: the key of the list it points to. */
  readonly lookupList?: ListKey;
  /**
   * For lookups: SharePoint refuses to delete an item of the list it points to while an item here
   * refers to it (RelationshipDeleteBehavior Restrict; the lookup must be indexed). A plan with a
   * recorded submission or decision cannot be deleted — by its lead or anyone else.
   */
  readonly restrictDelete?: boolean;
  readonly description: string;
}

/** A list the product needs. */
export interface ListDefinition {
  readonly key: ListKey;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly ColumnDefinition[];
  /** Keep each item's earlier versions (SP.List.EnableVersioning): who changed it and when, set by SharePoint. */
  readonly versioning?: boolean;
}

export type ListKey =
  | 'plans'
  | 'planStakeholders'
  | 'statusHistory'
  | 'planDecisions'
  | 'notificationOutbox'
  | 'organisationStakeholders'
  | 'settings'
  | 'secrets'
  | 'engagementRecords'
  | 'responses'
  | 'signOffs';

export const STATUS_CHOICES = Object.values(PLAN_STATUS_LABELS);
const levelChoices = [...ENGAGEMENT_LEVELS];

/** Internal names of the plan list's columns, used by the mappers and queries. */
export const PLAN = {
  title: 'Title',
  status: 'ipStatus',
  projectLead: 'ipProjectLead',
  involvementLead: 'ipInvolvementLead',
  organisation: 'ipOrganisation',
  place: 'ipPlace',
  systemLevel: 'ipSystemLevel',
  recommendedLevel: 'ipRecommendedLevel',
  chosenLevel: 'ipChosenLevel',
  formalConsultation: 'ipFormalConsultation',
  decisionDate: 'ipDecisionDate',
  nextKeyDate: 'ipNextKeyDate',
  scopingMeeting: 'ipScopingMeeting',
  requestId: 'ipRequestId',
  schemaVersion: 'ipSchemaVersion',
  projectJson: 'ipProjectJson',
  deliveryJson: 'ipDeliveryJson',
  commsJson: 'ipCommsJson',
  teamJson: 'ipTeamJson',
  adviceRecord: 'ipAdviceRecord',
  submission: 'ipSubmission',
  submissionKey: 'ipSubmissionKey'
} as const;

/** Internal names of the stakeholder lists' columns (plan stakeholders and the shared list). */
export const STAKEHOLDER = {
  plan: 'ipPlan',
  kind: 'ipKind',
  catalogueEntry: 'ipCatalogueEntry',
  email: 'ipEmail',
  phone: 'ipPhone',
  mayContact: 'ipMayContact',
  lawfulBasis: 'ipLawfulBasis',
  quadrant: 'ipQuadrant',
  engagementJson: 'ipEngagementJson',
  history: 'ipMoveHistory',
  notes: 'ipNotes',
  requestId: 'ipRequestId',
  reaches: 'ipReaches'
} as const;

/** Internal names of the engagement records list's columns. */
export const RECORD = {
  plan: 'ipPlan',
  requestId: 'ipRequestId',
  periodEnd: 'ipPeriodEnd',
  contentJson: 'ipRecordJson',
  summaryJson: 'ipSummaryJson',
  insight: 'ipInsight'
} as const;

/** Internal names of the responses list's columns. */
export const RESPONSE = {
  plan: 'ipPlan',
  rowKey: 'ipRowKey',
  text: 'ipResponse',
  place: 'ipPlace',
  groups: 'ipGroups',
  themeIds: 'ipThemeIds',
  source: 'ipSource',
  retainUntil: 'ipRetainUntil'
} as const;

/** Internal names of the sign-offs list's columns. */
export const SIGN_OFF = {
  plan: 'ipPlan',
  requestId: 'ipRequestId',
  snapshotJson: 'ipSnapshotJson',
  comment: 'ipComment'
} as const;

/** Every list, in creation order (a lookup's target comes before the lookup). */
export const LIST_DEFINITIONS: readonly ListDefinition[] = [
  {
    key: 'plans',
    title: 'Involvement plans',
    description: 'Involvement plans written by project leads and reviewed by the involvement team (Involvement Planner).',
    columns: [
      {
        internalName: PLAN.status,
        displayName: 'Status',
        type: 'Choice',
        indexed: true,
        choices: STATUS_CHOICES,
        description: 'Where the plan is in the process.'
      },
      {
        internalName: PLAN.projectLead,
        displayName: 'Project lead',
        type: 'User',
        indexed: true,
        description: 'Who wrote the plan and leads the project.'
      },
      {
        internalName: PLAN.involvementLead,
        displayName: 'Involvement lead',
        type: 'User',
        indexed: true,
        description: 'Assigned by the involvement team.'
      },
      {
        internalName: PLAN.organisation,
        displayName: 'Organisation',
        type: 'Text',
        indexed: true,
        description: 'Organisation leading the project.'
      },
      {
        internalName: PLAN.place,
        displayName: 'Place',
        type: 'Text',
        indexed: true,
        description: 'Place or neighbourhood; empty for system-wide work.'
      },
      {
        internalName: PLAN.systemLevel,
        displayName: 'System level',
        type: 'Choice',
        choices: [...SYSTEM_LEVELS],
        description: 'System, place or neighbourhood.'
      },
      {
        internalName: PLAN.recommendedLevel,
        displayName: 'Recommended level',
        type: 'Choice',
        choices: levelChoices,
        description: 'Level of engagement the planner recommended.'
      },
      {
        internalName: PLAN.chosenLevel,
        displayName: 'Level of engagement',
        type: 'Choice',
        indexed: true,
        choices: levelChoices,
        description: 'Level chosen by the lead or confirmed by the team.'
      },
      {
        internalName: PLAN.formalConsultation,
        displayName: 'Formal consultation likely',
        type: 'Boolean',
        indexed: true,
        description: 'From the legal triage.'
      },
      {
        internalName: PLAN.decisionDate,
        displayName: 'Decision date',
        type: 'DateTime',
        indexed: true,
        description: 'When the decision will be made.'
      },
      {
        internalName: PLAN.nextKeyDate,
        displayName: 'Next key date',
        type: 'DateTime',
        indexed: true,
        description: "The next date in the plan's timeline."
      },
      {
        internalName: PLAN.scopingMeeting,
        displayName: 'Scoping meeting',
        type: 'DateTime',
        description: 'When the involvement team meets the lead.'
      },
      {
        internalName: PLAN.requestId,
        displayName: 'Request id',
        type: 'Text',
        indexed: true,
        description: 'Makes creating a plan safe to retry: one request id, one plan.'
      },
      { internalName: PLAN.schemaVersion, displayName: 'Data version', type: 'Number', description: 'Version of the stored JSON shape.' },
      {
        internalName: PLAN.projectJson,
        displayName: 'Project, objectives and level (JSON)',
        type: 'Note',
        description: 'About the project, objectives, triage and level, as JSON.'
      },
      {
        internalName: PLAN.deliveryJson,
        displayName: 'Timeline, methods, budget and equality (JSON)',
        type: 'Note',
        description: 'As JSON.'
      },
      { internalName: PLAN.commsJson, displayName: 'Communications and engagement plan (JSON)', type: 'Note', description: 'As JSON.' },
      {
        internalName: PLAN.teamJson,
        displayName: 'Involvement team notes (JSON)',
        type: 'Note',
        description: 'Scoping meeting attendees and other team details, as JSON.'
      },
      {
        internalName: PLAN.adviceRecord,
        displayName: 'Advice at submission (JSON)',
        type: 'Note',
        description:
          'The record of the advice when the plan was last submitted: answers, legal outcome, levels, warnings, rules version and settings, as JSON.'
      },
      {
        internalName: PLAN.submission,
        displayName: 'Submission number',
        type: 'Number',
        description: 'How many times the lead has submitted the plan (written with the status change).'
      },
      {
        internalName: PLAN.submissionKey,
        displayName: 'Submission key',
        type: 'Text',
        description: "The latest submission's key: its history entry and notification carry the same key."
      }
    ]
  },
  {
    key: 'planStakeholders',
    title: 'Plan stakeholders',
    description: "Stakeholders on each plan's map (Involvement Planner).",
    columns: [
      {
        internalName: STAKEHOLDER.plan,
        displayName: 'Plan',
        type: 'Lookup',
        lookupList: 'plans',
        indexed: true,
        description: 'The plan this stakeholder belongs to.'
      },
      {
        internalName: STAKEHOLDER.kind,
        displayName: 'Kind',
        type: 'Choice',
        choices: [...STAKEHOLDER_KINDS],
        description: 'Person, organisation or group.'
      },
      {
        internalName: STAKEHOLDER.catalogueEntry,
        displayName: 'Catalogue entry',
        type: 'Text',
        description: 'Which catalogue kind it came from.'
      },
      { internalName: STAKEHOLDER.email, displayName: 'Email', type: 'Text', description: 'Optional contact email.' },
      { internalName: STAKEHOLDER.phone, displayName: 'Phone', type: 'Text', description: 'Optional contact phone.' },
      {
        internalName: STAKEHOLDER.mayContact,
        displayName: 'May we contact them',
        type: 'Boolean',
        description: 'Whether we may contact them.'
      },
      { internalName: STAKEHOLDER.lawfulBasis, displayName: 'Lawful basis', type: 'Note', description: 'Lawful basis for contact.' },
      {
        internalName: STAKEHOLDER.quadrant,
        displayName: 'Grid box',
        type: 'Choice',
        indexed: true,
        choices: [...GRID_QUADRANTS],
        description: 'Power/interest grid box.'
      },
      {
        internalName: STAKEHOLDER.engagementJson,
        displayName: 'How we engage (JSON)',
        type: 'Note',
        description: 'Methods, channel, owner, audience and the equality groups they reach, as JSON.'
      },
      {
        internalName: STAKEHOLDER.history,
        displayName: 'Map history (JSON)',
        type: 'Note',
        description: 'Each move on the grid: when, who, from, to, why.'
      },
      { internalName: STAKEHOLDER.notes, displayName: 'Notes', type: 'Note', description: 'Notes.' },
      {
        internalName: STAKEHOLDER.requestId,
        displayName: 'Request id',
        type: 'Text',
        indexed: true,
        description: 'Makes adding a stakeholder safe to retry: one request id, one stakeholder.'
      }
    ]
  },
  {
    key: 'statusHistory',
    title: 'Plan status history',
    description:
      "Each submission of a plan: who (SharePoint's Created By), when, and the lead's note. Add only: no one edits or deletes an entry (Involvement Planner).",
    columns: [
      {
        internalName: 'ipPlan',
        displayName: 'Plan',
        type: 'Lookup',
        lookupList: 'plans',
        indexed: true,
        restrictDelete: true,
        description: 'The plan.'
      },
      { internalName: 'ipFromStatus', displayName: 'From', type: 'Choice', choices: STATUS_CHOICES, description: 'Status before.' },
      {
        internalName: 'ipToStatus',
        displayName: 'To',
        type: 'Choice',
        indexed: true,
        choices: STATUS_CHOICES,
        description: 'Status after.'
      },
      { internalName: 'ipSubmission', displayName: 'Submission number', type: 'Number', description: 'Which submission of the plan.' },
      {
        internalName: 'ipKey',
        displayName: 'Submission key',
        type: 'Text',
        indexed: true,
        description: "The submission's key, as written on the plan with the status change."
      },
      { internalName: 'ipComment', displayName: 'Comment', type: 'Note', description: "The lead's note." }
    ]
  },
  {
    key: 'planDecisions',
    title: 'Plan decisions',
    description:
      "The involvement team's decisions on each plan, each with the team's whole state of the plan after it. Only the team adds; no one edits or deletes (Involvement Planner).",
    columns: [
      {
        internalName: 'ipPlan',
        displayName: 'Plan',
        type: 'Lookup',
        lookupList: 'plans',
        indexed: true,
        restrictDelete: true,
        description: 'The plan.'
      },
      { internalName: 'ipSeq', displayName: 'Decision number', type: 'Number', description: "1 for a plan's first decision, then 2, 3…" },
      {
        internalName: 'ipRequestId',
        displayName: 'Request id',
        type: 'Text',
        indexed: true,
        description: 'Makes recording a decision safe to retry: one request id, one decision.'
      },
      {
        internalName: 'ipKind',
        displayName: 'Kind',
        type: 'Choice',
        choices: [...DECISION_KINDS],
        description: 'Status, scoping meeting, involvement lead or level.'
      },
      { internalName: 'ipFromStatus', displayName: 'From', type: 'Choice', choices: STATUS_CHOICES, description: 'Status before.' },
      {
        internalName: 'ipToStatus',
        displayName: 'To',
        type: 'Choice',
        indexed: true,
        choices: STATUS_CHOICES,
        description: 'Status after.'
      },
      { internalName: 'ipSubmission', displayName: 'Submission number', type: 'Number', description: 'The submission decided on.' },
      { internalName: 'ipSubmissionKey', displayName: 'Submission key', type: 'Text', description: "The submission's key." },
      {
        internalName: 'ipInvolvementLead',
        displayName: 'Involvement lead',
        type: 'User',
        description: 'The involvement lead after this decision.'
      },
      {
        internalName: 'ipConfirmedLevel',
        displayName: 'Confirmed level',
        type: 'Choice',
        choices: levelChoices,
        description: 'The level of engagement the team confirmed, after this decision.'
      },
      { internalName: 'ipScopingMeeting', displayName: 'Scoping meeting', type: 'DateTime', description: 'When the scoping meeting is.' },
      {
        internalName: 'ipScopingAttendees',
        displayName: 'Scoping attendees (JSON)',
        type: 'Note',
        description: 'Who will attend the scoping meeting, as JSON.'
      },
      { internalName: 'ipComment', displayName: 'Comment', type: 'Note', description: 'Why, or what needs to change.' }
    ]
  },
  {
    key: 'notificationOutbox',
    title: 'Notification outbox',
    description: 'Teams notifications waiting to be sent or already sent, so none is lost or sent twice (Involvement Planner).',
    columns: [
      { internalName: 'ipPlan', displayName: 'Plan', type: 'Lookup', lookupList: 'plans', indexed: true, description: 'The plan.' },
      {
        internalName: 'ipIdempotencyKey',
        displayName: 'Idempotency key',
        type: 'Text',
        indexed: true,
        description: "The submission's key: a resend never posts twice."
      },
      {
        internalName: 'ipDeliveryState',
        displayName: 'Delivery state',
        type: 'Choice',
        indexed: true,
        choices: ['Pending', 'Sent', 'Failed'],
        description: 'Pending, sent or failed.'
      },
      { internalName: 'ipAttempts', displayName: 'Attempts', type: 'Number', description: 'How many times sending was tried.' },
      { internalName: 'ipLastError', displayName: 'Last error', type: 'Note', description: 'Why the last attempt failed.' },
      { internalName: 'ipSentAt', displayName: 'Sent at', type: 'DateTime', description: 'When it was delivered.' },
      { internalName: 'ipMessageId', displayName: 'Message id', type: 'Text', description: 'Teams message id.' }
    ]
  },
  {
    key: 'organisationStakeholders',
    title: 'Organisation stakeholders',
    description: "The involvement team's shared stakeholder list, reused across plans (Involvement Planner).",
    columns: [
      {
        internalName: STAKEHOLDER.kind,
        displayName: 'Kind',
        type: 'Choice',
        choices: [...STAKEHOLDER_KINDS],
        description: 'Person, organisation or group.'
      },
      {
        internalName: STAKEHOLDER.catalogueEntry,
        displayName: 'Catalogue entry',
        type: 'Text',
        indexed: true,
        description: 'Which catalogue kind it is.'
      },
      { internalName: STAKEHOLDER.email, displayName: 'Email', type: 'Text', description: 'Shared contact email.' },
      {
        internalName: STAKEHOLDER.reaches,
        displayName: 'Equality groups reached (JSON)',
        type: 'Note',
        description: 'The protected characteristics and inequality groups they reach, as JSON.'
      },
      { internalName: STAKEHOLDER.notes, displayName: 'Notes', type: 'Note', description: 'Notes.' },
      {
        internalName: STAKEHOLDER.requestId,
        displayName: 'Request id',
        type: 'Text',
        indexed: true,
        description: 'Makes adding an entry safe to retry.'
      }
    ]
  },
  {
    key: 'engagementRecords',
    title: 'Engagement records',
    // Every change to a record is kept by SharePoint with who made it and when (issue 11: "every change is in the history").
    versioning: true,
    description:
      'What took place, who took part, what people said, what changed and how it was fed back and evaluated: one per plan (Involvement Planner).',
    columns: [
      {
        internalName: RECORD.plan,
        displayName: 'Plan',
        type: 'Lookup',
        lookupList: 'plans',
        indexed: true,
        description: 'The plan this record belongs to.'
      },
      {
        internalName: RECORD.requestId,
        displayName: 'Request id',
        type: 'Text',
        indexed: true,
        description: 'One record per plan: starting it again finds the first.'
      },
      {
        internalName: RECORD.periodEnd,
        displayName: 'Engagement ended',
        type: 'DateTime',
        indexed: true,
        description: 'The last day of engagement, for the annual report.'
      },
      {
        internalName: RECORD.contentJson,
        displayName: 'Record (JSON)',
        type: 'Note',
        description: 'Activities, themes, decision trace, report, "you said, we did" and evaluation, as JSON.'
      },
      {
        internalName: RECORD.summaryJson,
        displayName: 'Summary for the annual report (JSON)',
        type: 'Note',
        description: 'Figures the annual report reads, as JSON.'
      },
      {
        internalName: RECORD.insight,
        displayName: 'Insight (JSON)',
        type: 'Note',
        description: 'Lessons learned, findings, themes and "you said, we did" in short, as JSON: what a new plan searches.'
      }
    ]
  },
  {
    key: 'responses',
    title: 'Engagement responses',
    description:
      "What people said, one item per response, imported from a survey's CSV file or entered by hand, tagged with themes; kept for five years after the plan closes (Involvement Planner).",
    columns: [
      {
        internalName: RESPONSE.plan,
        displayName: 'Plan',
        type: 'Lookup',
        lookupList: 'plans',
        indexed: true,
        restrictDelete: true,
        description: 'The plan this response was given to.'
      },
      {
        internalName: RESPONSE.rowKey,
        displayName: 'Row key',
        type: 'Text',
        indexed: true,
        description: 'The file and line it was imported from (or a key for one entered by hand): importing again never adds it twice.'
      },
      { internalName: RESPONSE.text, displayName: 'Response', type: 'Note', description: 'What the person said, without their name.' },
      { internalName: RESPONSE.place, displayName: 'Place', type: 'Text', description: 'Place or locality, for monitoring.' },
      {
        internalName: RESPONSE.groups,
        displayName: 'Equality groups (JSON)',
        type: 'Note',
        description: 'The protected characteristics and inequality groups the person said they belong to, as JSON.'
      },
      {
        internalName: RESPONSE.themeIds,
        displayName: 'Themes (JSON)',
        type: 'Note',
        description: "The ids of the record's themes this response raises, as JSON."
      },
      {
        internalName: RESPONSE.source,
        displayName: 'Source',
        type: 'Text',
        description: '"Imported from" the file, or "Entered by hand".'
      },
      {
        internalName: RESPONSE.retainUntil,
        displayName: 'Retain until',
        type: 'DateTime',
        indexed: true,
        description: 'Five years after the plan closed (LSC: "retained for five years"); empty until it closes.'
      }
    ]
  },
  {
    key: 'signOffs',
    title: 'Engagement sign-offs',
    description:
      "The involvement team's sign-off of each plan's record when it closes; who and when are SharePoint's own Created By and Created (Involvement Planner).",
    columns: [
      {
        internalName: SIGN_OFF.plan,
        displayName: 'Plan',
        type: 'Lookup',
        lookupList: 'plans',
        indexed: true,
        description: 'The plan signed off.'
      },
      {
        internalName: SIGN_OFF.requestId,
        displayName: 'Request id',
        type: 'Text',
        indexed: true,
        description: 'Makes signing off safe to retry: one request id, one sign-off.'
      },
      {
        internalName: SIGN_OFF.snapshotJson,
        displayName: 'Record signed off (JSON)',
        type: 'Note',
        description: 'The record as the team signed it off, as JSON.'
      },
      { internalName: SIGN_OFF.comment, displayName: 'Comment', type: 'Note', description: 'What the team said when signing off.' }
    ]
  },
  {
    key: 'settings',
    title: 'Involvement settings',
    description:
      "Organisation settings of the Involvement Planner, such as the involvement team's Teams channel and the figures the advice uses, with a record of each change (Involvement Planner).",
    columns: [
      {
        internalName: 'ipValue',
        displayName: 'Value (JSON)',
        type: 'Note',
        description: "The setting's value as JSON. The item title is the setting's name."
      }
    ]
  },
  {
    key: 'secrets',
    title: 'Involvement secrets',
    description: 'Secrets only site owners can read, such as the Workflows webhook URL (Involvement Planner).',
    columns: [{ internalName: 'ipValue', displayName: 'Value', type: 'Note', description: 'The secret. The item title is its name.' }]
  }
];

/** Internal names of the outbox list's columns. */
export const OUTBOX = {
  plan: 'ipPlan',
  key: 'ipIdempotencyKey',
  state: 'ipDeliveryState',
  attempts: 'ipAttempts',
  lastError: 'ipLastError',
  sentAt: 'ipSentAt',
  messageId: 'ipMessageId'
} as const;

/** Internal names of the status history list's columns. */
export const HISTORY = {
  plan: 'ipPlan',
  from: 'ipFromStatus',
  to: 'ipToStatus',
  submission: 'ipSubmission',
  key: 'ipKey',
  comment: 'ipComment'
} as const;

/** Internal names of the team's decisions list's columns. */
export const DECISION = {
  plan: 'ipPlan',
  seq: 'ipSeq',
  requestId: 'ipRequestId',
  kind: 'ipKind',
  from: 'ipFromStatus',
  to: 'ipToStatus',
  submission: 'ipSubmission',
  submissionKey: 'ipSubmissionKey',
  involvementLead: 'ipInvolvementLead',
  confirmedLevel: 'ipConfirmedLevel',
  scopingMeeting: 'ipScopingMeeting',
  scopingAttendees: 'ipScopingAttendees',
  comment: 'ipComment'
} as const;

/** Look up a list definition by key. */
export function listDefinition(key: ListKey): ListDefinition {
  const def = LIST_DEFINITIONS.find((l) => l.key === key);
  if (!def) throw new Error(`No list definition for ${key}`);
  return def;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * SharePoint field schema XML for a column (used by `createFieldAsXml` and the site script).
 * `lookupListId` is the target list's id, known once it exists.
 */
export function fieldSchemaXml(column: ColumnDefinition, lookupListId?: string): string {
  const attrs = [
    `Type="${column.type}"`,
    `Name="${column.internalName}"`,
    `StaticName="${column.internalName}"`,
    `DisplayName="${xmlEscape(column.displayName)}"`,
    `Description="${xmlEscape(column.description)}"`,
    column.indexed ? 'Indexed="TRUE"' : '',
    column.type === 'Note' ? 'NumLines="6" RichText="FALSE" UnlimitedLengthInDocumentLibrary="FALSE"' : '',
    column.type === 'DateTime' ? 'Format="DateTime"' : '',
    column.type === 'User' ? 'UserSelectionMode="PeopleOnly" List="UserInfo" ShowField="ImnName"' : '',
    column.type === 'Lookup' ? `List="${lookupListId ? `{${lookupListId}}` : `Lists/${column.lookupList ?? ''}`}" ShowField="Title"` : '',
    column.restrictDelete ? 'RelationshipDeleteBehavior="Restrict"' : ''
  ]
    .filter(Boolean)
    .join(' ');
  if (column.choices) {
    return `<Field ${attrs}><CHOICES>${column.choices.map((c) => `<CHOICE>${xmlEscape(c)}</CHOICE>`).join('')}</CHOICES></Field>`;
  }
  return `<Field ${attrs} />`;
}

/** The SharePoint group whose members are the involvement team (the site owner creates it). */
export const INVOLVEMENT_TEAM_GROUP_NAME = 'Involvement team';

/** Role definition ids SharePoint Online gives its built-in permission levels. */
export const ROLE_DEFINITION = {
  fullControl: 1073741829,
  design: 1073741828,
  edit: 1073741830,
  contribute: 1073741827,
  read: 1073741826
} as const;

/** SP.PermissionKind numbers (Learn: "PermissionKind enum"); a permission's bit in a mask is its number − 1. */
const PERMISSION_KIND = {
  viewListItems: 1,
  addListItems: 2,
  openItems: 6,
  viewVersions: 7,
  viewFormPages: 13,
  open: 17,
  viewPages: 18,
  browseUserInfo: 28,
  useClientIntegration: 37,
  useRemoteAPIs: 38,
  createAlerts: 40
} as const;

/** SP.BasePermissions (High and Low 32-bit words) holding the given permissions. */
export function basePermissions(kinds: readonly number[]): { High: number; Low: number } {
  let high = 0;
  let low = 0;
  for (const k of kinds) {
    if (k <= 32) low += 2 ** (k - 1);
    else high += 2 ** (k - 33);
  }
  return { High: high, Low: low };
}

/**
 * The permission level "Set up lists" creates for lists where people add but never change: View,
 * Add and Open items (with what opening the site needs), without Edit Items or Delete Items.
 */
export const ADD_ONLY_ROLE = {
  name: 'Add and read (Involvement Planner)',
  description:
    'Can view and add list items, but not edit or delete them. Created by the Involvement Planner for its history and decisions lists.',
  basePermissions: basePermissions(Object.values(PERMISSION_KIND))
} as const;

/**
 * Who may do what on each list (README, "Who may do what"). "leadsOwnItems": everyone keeps the
 * site's permissions, but people edit only items they created (the project lead's own plan); the
 * involvement team group can edit everything. "addOnly": site members and the team add items and
 * read them; no one but site owners edits or deletes. "teamAddsOnly": only the team adds (and no
 * one edits or deletes); everyone else reads. "teamOnly": the involvement team edits, everyone
 * else on the site reads. "ownersOnly": only site owners can read or change it.
 */
export const LIST_PERMISSIONS: Readonly<Record<ListKey, 'leadsOwnItems' | 'addOnly' | 'teamAddsOnly' | 'teamOnly' | 'ownersOnly'>> = {
  plans: 'leadsOwnItems',
  planStakeholders: 'leadsOwnItems',
  statusHistory: 'addOnly',
  planDecisions: 'teamAddsOnly',
  notificationOutbox: 'leadsOwnItems',
  organisationStakeholders: 'teamOnly',
  settings: 'teamOnly',
  secrets: 'ownersOnly',
  // The project lead writes the plan's record (and the involvement team, with Design, all of them).
  engagementRecords: 'leadsOwnItems',
  // The lead adds the plan's responses (and edits only their own); the team, with Design, all of them.
  responses: 'leadsOwnItems',
  // Only the involvement team signs off, and a sign-off once added is never changed or removed
  // (issue 11: add-only sign-offs); everyone else reads. Leads cannot write here.
  signOffs: 'teamAddsOnly'
};

/** A column as the lists check reads it. */
export interface SiteField {
  InternalName: string;
  TypeAsString: string;
  Indexed: boolean;
  /** Lookups only (SP.RelationshipDeleteBehaviorType): 0 none, 1 cascade, 2 restrict. */
  RelationshipDeleteBehavior?: number;
}

/** SP.RelationshipDeleteBehaviorType.restrict: an item that others look up cannot be deleted. */
export const RESTRICT = 2;
