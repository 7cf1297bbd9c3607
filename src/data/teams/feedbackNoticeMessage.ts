import type { FeedbackNotice } from '../../domain';
import { CARD_VERSION, literal, MAX_MESSAGE_BYTES, when } from './submissionCard';

/**
 * The short card that tells the involvement team a plan's "you said, we did" was published (issue
 * 11 §3), as a chatMessage carrying an Adaptive Card. Everything a person typed — the plan's title,
 * the summary, the address — goes into TextRuns, which Adaptive Cards never read as Markdown, so it
 * shows exactly as typed and cannot become a link or a mention; the product's own words are the
 * only TextBlock. The published page's button opens the https address the record holds, shown in
 * full on the card so the reader sees where it goes. The same message goes through Graph and, as
 * its card alone, through a Workflows webhook (the same for both: there is no mention).
 */
export function buildFeedbackNoticeMessage(notice: FeedbackNotice): string {
  const actions: Array<Record<string, unknown>> = [];
  if (notice.links.teams) actions.push({ type: 'Action.OpenUrl', title: 'Open the plan in Teams', url: notice.links.teams });
  actions.push({ type: 'Action.OpenUrl', title: 'Open the plan in SharePoint', url: notice.links.web });
  if (notice.link) actions.push({ type: 'Action.OpenUrl', title: 'Open the published page', url: notice.link });
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: '“You said, we did” published', size: 'Medium', weight: 'Bolder', wrap: true },
      literal(notice.planTitle, { size: 'Large', weight: 'Bolder' }),
      literal(notice.lead, { label: 'Project lead', spacing: 'Small' }),
      literal(when(notice.publishedOn), { label: 'Published', spacing: 'Small' }),
      ...(notice.participantsToldOn ? [literal(when(notice.participantsToldOn), { label: 'Participants told', spacing: 'Small' })] : []),
      ...(notice.channels.length ? [literal(notice.channels.join('; '), { label: 'How people were told', spacing: 'Small' })] : []),
      ...(notice.summary ? [literal(notice.summary, { label: 'What we told people', spacing: 'Medium' })] : []),
      ...(notice.link ? [literal(notice.link, { label: 'Where it is published', spacing: 'Small' })] : [])
    ],
    actions
  };
  const message = JSON.stringify({
    body: { contentType: 'html', content: '<attachment id="you-said-we-did"></attachment>' },
    attachments: [{ id: 'you-said-we-did', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) }]
  });
  if (new TextEncoder().encode(message).length > MAX_MESSAGE_BYTES)
    throw new Error(`The "you said, we did" card is over the ${MAX_MESSAGE_BYTES / 1024} KB budget.`);
  return message;
}
