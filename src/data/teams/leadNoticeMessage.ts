import { leadNoticeSentences, type LeadNotice, type NotificationTarget } from '../../domain';
import { CARD_VERSION, cardText, MAX_MESSAGE_BYTES } from './submissionCard';

/** HTML text for a chatMessage body: `&`, `<`, `>` and quotes can never become markup. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A name inside a mention: Teams matches it to the mention exactly, so keep it to plain characters. */
function mentionName(name: string): string {
  return (
    cardText(name)
      .replace(/[<>[\]*_`\\]/g, '')
      .trim() || 'Project lead'
  );
}

function card(notice: LeadNotice, mention: Record<string, unknown> | undefined): Record<string, unknown> {
  const { headline, comment, next } = leadNoticeSentences(notice);
  const run = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: cardText(text), ...extra }]
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [
      ...(mention ? [mention] : []),
      run(headline, { weight: 'Bolder' }),
      ...(comment ? [run(`Comment: ${comment}`)] : []),
      run(next, { isSubtle: true })
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open your plan in Teams', url: notice.planLink }]
  };
}

/**
 * The message that tells a plan's lead what the involvement team did (issue 16).
 * - Posted through Microsoft Graph it mentions the lead in the chatMessage body (`<at id="0">`
 *   with the lead's Microsoft Entra object id, Learn: "chatMessageMention") and carries the card.
 * - Posted to a Workflows webhook, which takes only cards, the mention is the card's own
 *   (`msteams.entities`, the lead's user principal name; Learn: "Format cards in Teams").
 * Everything typed by a person goes into TextRuns (never Markdown) or is HTML-escaped.
 */
export function buildLeadNoticeMessage(notice: LeadNotice, via: NotificationTarget['kind']): string {
  const name = mentionName(notice.lead.displayName);
  let message: Record<string, unknown>;
  if (via === 'workflow') {
    const mentionBlock = notice.lead.email ? { type: 'TextBlock', text: `<at>${name}</at>`, wrap: true } : undefined;
    const content = card(notice, mentionBlock);
    if (mentionBlock)
      content.msteams = { entities: [{ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: notice.lead.email, name } }] };
    message = {
      body: { contentType: 'html', content: '<attachment id="lead-notice"></attachment>' },
      attachments: [{ id: 'lead-notice', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(content) }]
    };
  } else {
    const id = notice.lead.aadObjectId;
    message = {
      body: {
        contentType: 'html',
        content: `${id ? `<at id="0">${htmlText(name)}</at>` : htmlText(name)}<attachment id="lead-notice"></attachment>`
      },
      ...(id
        ? { mentions: [{ id: 0, mentionText: name, mentioned: { user: { id, displayName: name, userIdentityType: 'aadUser' } } }] }
        : {}),
      attachments: [
        { id: 'lead-notice', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card(notice, undefined)) }
      ]
    };
  }
  const json = JSON.stringify(message);
  if (new TextEncoder().encode(json).length > MAX_MESSAGE_BYTES)
    throw new Error(`The message to the lead is over the ${MAX_MESSAGE_BYTES / 1024} KB budget.`);
  return json;
}
