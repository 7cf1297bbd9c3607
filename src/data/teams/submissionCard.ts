import {
  ladderRung,
  LADDERS,
  LEGAL_LIKELIHOOD_NAMES,
  PROGRAMME_ROUTE_NAMES,
  type DefensibleRecord,
  type EngagementLevel,
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
export function literal(
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

/** A date as the cards show it ("2 December 2026"), or "Not given". */
export const when = (date: string): string =>
  date
    ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : 'Not given';

/**
 * The Adaptive Card the involvement team sees when a plan is submitted, built from the plan as
 * stored (whoever sends it): its project lead is the person who submitted it. The advice on it —
 * the legal checks, the route, the recommended level and the timeline warnings — is the record
 * kept with the plan at submission (`advice`), made under the organisation's saved settings.
 */
export function buildSubmissionCard(
  plan: InvolvementPlan,
  links: PlanLinks,
  submission: number,
  advice: DefensibleRecord
): Record<string, unknown> {
  const submittedBy = plan.projectLead?.displayName ?? 'the project lead';
  const c = plan.content;
  const warnings = advice.timelineWarnings.slice(0, 3);
  // Levels are named as on the ladder the organisation shows (a setting), as the guide names them.
  const level = (l: EngagementLevel | null, none: string): string => (l ? ladderRung(l, advice.level.ladder).name : none);
  // Facts are read as Markdown by Teams, so only the product's own wording goes in them.
  const facts = [
    { title: 'Recommended level', value: level(advice.level.recommended, 'Not known yet') },
    { title: 'Chosen level', value: level(advice.level.chosen, 'Not chosen') },
    { title: 'Formal consultation', value: LEGAL_LIKELIHOOD_NAMES[advice.legal.formalConsultation.likelihood] },
    { title: 'Health scrutiny', value: LEGAL_LIKELIHOOD_NAMES[advice.legal.healthScrutiny.likelihood] },
    { title: 'Secretary of State', value: LEGAL_LIKELIHOOD_NAMES[advice.legal.secretaryOfStateNotification.likelihood] },
    { title: 'Programme', value: advice.route ? PROGRAMME_ROUTE_NAMES[advice.route] : 'Not known yet' },
    { title: 'Decision date', value: when(c.project.decisionDate) }
  ];
  const s = advice.settings;
  const basis =
    `Advice under rules ${advice.rulesVersion} and the organisation's settings: ${LADDERS[advice.level.ladder].title}; ` +
    `planning ${s.planningLeadWeeks} weeks; programme at least ${s.engagementMinimumMonths} months, or ${s.consultationProgrammeMinimumMonths} with formal consultation; ` +
    `consultation at least ${s.consultationMinimumWeeks} weeks; report within ${s.reportDueWeeksAfterClose} weeks.`;
  const actions: Array<Record<string, unknown>> = [];
  if (links.teams) actions.push({ type: 'Action.OpenUrl', title: 'Open in Teams', url: links.teams });
  actions.push({ type: 'Action.OpenUrl', title: 'Open in SharePoint', url: links.web });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [
      {
        type: 'TextBlock',
        text: submission > 1 ? `Involvement plan resubmitted (submission ${submission})` : 'New involvement plan submitted',
        size: 'Medium',
        weight: 'Bolder',
        wrap: true
      },
      literal(c.project.title || 'Untitled plan', { size: 'Large', weight: 'Bolder' }),
      literal(submittedBy, { label: 'Project lead', spacing: 'Small' }),
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
      ...(advice.level.chosen !== null && advice.level.recommended !== null && advice.level.chosen !== advice.level.recommended
        ? [literal(advice.level.reasonForDifferentLevel || 'No reason given', { label: 'Why a different level', spacing: 'Small' })]
        : []),
      literal(basis, { isSubtle: true, spacing: 'Small' }),
      literal(`Submitted by ${submittedBy}`, { isSubtle: true, spacing: 'Medium' })
    ],
    actions
  };
}

/** The Graph chatMessage that carries the card (Learn: "Send chatMessage in a channel"). */
export function buildSubmissionMessage(plan: InvolvementPlan, links: PlanLinks, submission: number, advice: DefensibleRecord): string {
  const card = buildSubmissionCard(plan, links, submission, advice);
  const message = JSON.stringify({
    body: { contentType: 'html', content: '<attachment id="plan-card"></attachment>' },
    attachments: [{ id: 'plan-card', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) }]
  });
  if (new TextEncoder().encode(message).length > MAX_MESSAGE_BYTES) {
    throw new Error(`The Teams card is ${Math.round(message.length / 1024)} KB, over the ${MAX_MESSAGE_BYTES / 1024} KB budget.`);
  }
  return message;
}
