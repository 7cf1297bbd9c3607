// What a plan list reads of each plan, with no zod: the start-up `$batch` (in every web part's
// first chunk) reads a lead's first page of plans with these columns, and SpPlanSummaries (fetched
// alongside) reads them.
import { PLAN } from './lists';

const AUTHOR = ['Author/Id', 'Author/Title', 'Author/EMail'];

/** Columns a summary needs, for `$select`. */
export const PLAN_SUMMARY_SELECT = [
  'Id',
  'Title',
  PLAN.status,
  `${PLAN.projectLead}/Id`,
  `${PLAN.projectLead}/Title`,
  `${PLAN.projectLead}/EMail`,
  `${PLAN.involvementLead}/Id`,
  `${PLAN.involvementLead}/Title`,
  `${PLAN.involvementLead}/EMail`,
  PLAN.organisation,
  PLAN.place,
  PLAN.chosenLevel,
  PLAN.formalConsultation,
  PLAN.decisionDate,
  PLAN.nextKeyDate,
  'Modified'
];
/** Person columns to `$expand`. */
export const PLAN_EXPAND = [PLAN.projectLead, PLAN.involvementLead];

/** What the plan item says about its process (beyond what the plan mapper reads). */
export const CLAIMS_SELECT = [...AUTHOR, PLAN.status, PLAN.submission, PLAN.submissionKey, PLAN.scopingMeeting];
/** The person columns the claims need expanded. */
export const CLAIMS_EXPAND = ['Author'];

/** Plans a page of a plan list shows. */
export const PLANS_PAGE_SIZE = 100;

/**
 * The CAML of the signed-in person's first page of plans — the same rows as `$filter=
 * ipProjectLeadId eq <their id>`, newest first — without knowing their id: `<UserID/>` is the
 * current user's id, worked out by SharePoint (Microsoft Learn: "UserID element (Query)"; the
 * person column compared by id with `LookupId="TRUE"`, "FieldRef element (View)"). On the indexed
 * Project lead column, so it works past the 5,000-item threshold like the REST filter.
 */
export const MY_PLANS_VIEW_XML =
  '<View><Query>' +
  `<Where><Eq><FieldRef Name="${PLAN.projectLead}" LookupId="TRUE"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq></Where>` +
  '<OrderBy><FieldRef Name="ID" Ascending="FALSE"/></OrderBy>' +
  `</Query><RowLimit>${PLANS_PAGE_SIZE}</RowLimit></View>`;
