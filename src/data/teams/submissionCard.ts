import {
  assessConsultation, checkTimeline, DEFAULT_SETTINGS, ENGAGEMENT_LEVEL_INFO, type CurrentUser, type InvolvementPlan,
  type PlanLinks
} from '../../domain';

/** Teams renders Adaptive Cards up to version 1.5 (Learn: "Format cards in Microsoft Teams"). */
export const CARD_VERSION = '1.5';
/** Our budget for the whole message; Teams refuses a message over about 28 KB. */
export const MAX_MESSAGE_BYTES = 20 * 1024;
const MAX_FIELD_CHARS = 400;

/**
 * Make user text safe in a card: Teams reads TextBlock text as Markdown, so a title like
 * "[click](https://evil)" would become a link, and "<at>" would try to mention someone.
 * Each Markdown and HTML character is escaped with a backslash or an entity.
 */
export function escapeCardText(text: string): string {
  const trimmed = text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text;
  return trimmed
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

const when = (date: string): string => (date ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : 'Not given');

/** The Adaptive Card the involvement team sees when a plan is submitted. */
export function buildSubmissionCard(plan: InvolvementPlan, submittedBy: CurrentUser, links: PlanLinks): Record<string, unknown> {
  const c = plan.content;
  const triage = assessConsultation(c.triage);
  const warnings = c.timeline.length
    ? checkTimeline(c.timeline, { formalConsultation: triage.formalConsultation.likelihood === 'likely', settings: DEFAULT_SETTINGS, decisionDate: c.project.decisionDate }).slice(0, 3)
    : [];
  const level = (l: string | null): string => (l ? ENGAGEMENT_LEVEL_INFO[l as keyof typeof ENGAGEMENT_LEVEL_INFO].name : 'Not chosen');
  const facts = [
    { title: 'Project lead', value: escapeCardText(plan.projectLead?.displayName ?? submittedBy.displayName) },
    { title: 'Organisation', value: escapeCardText(c.project.organisation || 'Not given') },
    { title: 'Place', value: escapeCardText(c.project.placeName || (c.project.systemLevel === 'system' ? 'System-wide' : 'Not given')) },
    { title: 'Recommended level', value: level(c.level.recommended) },
    { title: 'Chosen level', value: level(c.level.chosen) },
    { title: 'Formal consultation', value: triage.formalConsultation.likelihood === 'likely' ? 'Likely' : triage.formalConsultation.likelihood === 'possible' ? 'Possible' : 'Unlikely' },
    { title: 'Decision date', value: when(c.project.decisionDate) }
  ];
  const actions: Array<Record<string, unknown>> = [];
  if (links.teams) actions.push({ type: 'Action.OpenUrl', title: 'Open in Teams', url: links.teams });
  actions.push({ type: 'Action.OpenUrl', title: 'Open in SharePoint', url: links.web });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: 'New involvement plan submitted', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: escapeCardText(c.project.title || 'Untitled plan'), size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'FactSet', facts },
      ...(warnings.length
        ? [{ type: 'TextBlock', text: 'Timeline warnings', weight: 'Bolder', wrap: true }, ...warnings.map((w) => ({ type: 'TextBlock', text: `• ${escapeCardText(w.text)}`, wrap: true, spacing: 'Small' }))]
        : []),
      { type: 'TextBlock', text: `Submitted by ${escapeCardText(submittedBy.displayName)}`, isSubtle: true, wrap: true, spacing: 'Medium' }
    ],
    actions
  };
}

/** The Graph chatMessage that carries the card (Learn: "Send chatMessage in a channel"). */
export function buildSubmissionMessage(plan: InvolvementPlan, submittedBy: CurrentUser, links: PlanLinks): string {
  const card = buildSubmissionCard(plan, submittedBy, links);
  const message = JSON.stringify({
    body: { contentType: 'html', content: '<attachment id="plan-card"></attachment>' },
    attachments: [{ id: 'plan-card', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) }]
  });
  if (new TextEncoder().encode(message).length > MAX_MESSAGE_BYTES) {
    throw new Error(`The Teams card is ${Math.round(message.length / 1024)} KB, over the ${MAX_MESSAGE_BYTES / 1024} KB budget.`);
  }
  return message;
}
