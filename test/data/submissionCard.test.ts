import { buildSubmissionCard, buildSubmissionMessage, cardText, MAX_MESSAGE_BYTES } from '../../src/data/teams/submissionCard';
import type { CurrentUser, InvolvementPlan } from '../../src/domain';
import { cardProblems } from '../../webparts/server/graph';
import { readyPlanContent } from '../domain/fixtures';

const priya: CurrentUser = { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk', isSiteOwner: false, isInvolvementTeam: false };
const plan = (title: string): InvolvementPlan => {
  const content = readyPlanContent();
  content.project.title = title;
  return {
    id: 12,
    version: '"3"',
    status: 'submitted',
    projectLead: { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' },
    involvementLead: null,
    scopingMeeting: null,
    content
  };
};
const links = {
  teams: 'https://teams.microsoft.com/l/entity/app/tab?context=%7B%22subEntityId%22%3A%2212%22%7D',
  web: 'https://contoso.sharepoint.com/sites/involvement/SitePages/Planner.aspx#plan=12'
};
const allText = (card: Record<string, unknown>): string => JSON.stringify(card);

describe('the submission card (Adaptive Card 1.5 for Teams)', () => {
  it('parses cleanly with the Adaptive Cards library and is version 1.5', () => {
    const card = buildSubmissionCard(plan('Overnight opening'), priya, links);
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows the title, lead, organisation, place, levels, formal consultation and decision date', () => {
    const text = allText(buildSubmissionCard(plan('Overnight opening'), priya, links));
    for (const expected of [
      'Overnight opening',
      'Priya Shah',
      'Sample ICB',
      'Riverside',
      '"Recommended level","value":"Involve"',
      '"Chosen level","value":"Involve"',
      '"Formal consultation","value":"Unlikely"',
      '30 June 2027'
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('has buttons that open the plan in Teams and in SharePoint', () => {
    const card = buildSubmissionCard(plan('x'), priya, links) as { actions: Array<{ title: string; url: string }> };
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Teams', url: links.teams },
      { type: 'Action.OpenUrl', title: 'Open in SharePoint', url: links.web }
    ]);
  });

  it('shows user text exactly as typed, where no Teams client reads Markdown, so it cannot inject a link or a mention', () => {
    const title = '[Click here](https://evil.example) <at>Jo Bennett</at> **urgent**';
    const card = buildSubmissionCard(plan(title), { ...priya, displayName: '*Priya* [admin](https://x)' }, links) as {
      body: Array<Record<string, unknown>>;
    };
    // Every piece of user text is in a TextRun (never Markdown), none in a TextBlock or a fact (both Markdown in Teams).
    const runs = card.body
      .filter((b) => b.type === 'RichTextBlock')
      .flatMap((b) => b.inlines as Array<{ text: string }>)
      .map((r) => r.text);
    expect(runs).toContain(title);
    expect(runs).toContain('Submitted by *Priya* [admin](https://x)');
    const markdownText = JSON.stringify(card.body.filter((b) => b.type !== 'RichTextBlock'));
    for (const fragment of ['evil.example', '<at>', '**urgent**', '[admin]']) expect(markdownText).not.toContain(fragment);
    expect(allText(card)).not.toContain('\\\\[');
    expect(cardText('line one\n  line two')).toBe('line one line two');
    expect(cardProblems(card)).toEqual([]);
  });

  it('stays under the 20 KB budget however long the fields are', () => {
    const long = plan('T'.repeat(255));
    long.content.project.organisation = 'O'.repeat(255);
    long.content.project.placeName = 'P'.repeat(255);
    const message = buildSubmissionMessage(long, { ...priya, displayName: 'D'.repeat(255) }, links);
    expect(new TextEncoder().encode(message).length).toBeLessThan(MAX_MESSAGE_BYTES);
    const attachment = (JSON.parse(message) as { attachments: Array<{ content: string }> }).attachments[0];
    expect(cardProblems(JSON.parse(attachment.content))).toEqual([]);
  });
});
