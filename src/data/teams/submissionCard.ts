import {
  assessConsultation,
  checkTimeline,
  DEFAULT_SETTINGS,
  ENGAGEMENT_LEVEL_INFO,
  type CurrentUser,
  type InvolvementPlan,
  type PlanLinks
} from '../../domain';

/** Teams renders Adaptive Cards up to version 1.5 (Learn: "Format cards in Microsoft Teams"). */
export const CARD_VERSION = '1.5';
/** Our budget for the whole message; Teams refuses a message over about 28 KB. */
export const MAX_MESSAGE_BYTES = 20 * 1024;
const MAX_FIELD_CHARS = 400;

/**
 * User text for a card: shortened and on one line. It is only ever placed in a TextRun, which
 * Adaptive Cards never read as Markdown (schema: "Markdown is not supported"), so a title like
 * "[click](https://evil)" or "<at>Jo</at>" shows exactly as typed and cannot become a link or a
 * mention — with no backslash escapes for Teams clients to show or hide inconsistently.
 */
export function cardText(text: string): string {
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ');
  return oneLine.length > MAX_FIELD_CHARS ? `${oneLine.slice(0, MAX_FIELD_CHARS - 1)}…` : oneLine;
}

/** A line of user text (with an optional bold label) that no Teams client reads as Markdown. */
function literal(
  text: string,
  options: { label?: string; size?: string; weight?: string; isSubtle?: boolean; spacing?: string } = {}
): Record<string, unknown> {
  const { label, spacing, ...run } = options;
  return {
    type: 'RichTextBlock',
    ...(spacing ? { spacing } : {}),
    inlines: [
      ...(label ? [{ type: 'TextRun', text: `${label}: `, weight: 'Bolder' }] : []),
      { type: 'TextRun', text: cardText(text), ...run }
    ]
  };
}

const when = (date: string): string =>
  date
    ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : 'Not given';

/** The Adaptive Card the involvement team sees when a plan is submitted. */
export function buildSubmissionCard(plan: InvolvementPlan, submittedBy: CurrentUser, links: PlanLinks): Record<string, unknown> {
  const c = plan.content;
  const triage = assessConsultation(c.triage);
  const warnings = c.timeline.length
    ? checkTimeline(c.timeline, {
        formalConsultation: triage.formalConsultation.likelihood === 'likely',
        settings: DEFAULT_SETTINGS,
        decisionDate: c.project.decisionDate
      }).slice(0, 3)
    : [];
  const level = (l: string | null): string => (l ? ENGAGEMENT_LEVEL_INFO[l as keyof typeof ENGAGEMENT_LEVEL_INFO].name : 'Not chosen');
  // Facts are read as Markdown by Teams, so only the product's own wording goes in them.
  const facts = [
    { title: 'Recommended level', value: level(c.level.recommended) },
    { title: 'Chosen level', value: level(c.level.chosen) },
    {
      title: 'Formal consultation',
      value:
        triage.formalConsultation.likelihood === 'likely'
          ? 'Likely'
          : triage.formalConsultation.likelihood === 'possible'
            ? 'Possible'
            : 'Unlikely'
    },
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
      literal(c.project.title || 'Untitled plan', { size: 'Large', weight: 'Bolder' }),
      literal(plan.projectLead?.displayName ?? submittedBy.displayName, { label: 'Project lead', spacing: 'Small' }),
      literal(c.project.organisation || 'Not given', { label: 'Organisation', spacing: 'Small' }),
      literal(c.project.placeName || (c.project.systemLevel === 'system' ? 'System-wide' : 'Not given'), {
        label: 'Place',
        spacing: 'Small'
      }),
      { type: 'FactSet', facts },
      ...(warnings.length
        ? [
            { type: 'TextBlock', text: 'Timeline warnings', weight: 'Bolder', wrap: true },
            ...warnings.map((w) => literal(`• ${w.text}`, { spacing: 'Small' }))
          ]
        : []),
      literal(`Submitted by ${submittedBy.displayName}`, { isSubtle: true, spacing: 'Medium' })
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
