import { buildSubmissionCard, buildSubmissionMessage, cardText, MAX_MESSAGE_BYTES } from '../../src/data/teams/submissionCard';
import { buildDefensibleRecord, DEFAULT_SETTINGS, type InvolvementPlan, type InvolvementSettings, type PersonRef } from '../../src/domain';
import { cardProblems } from '../../webparts/server/graph';
import { readyPlanContent } from '../domain/fixtures';

const priya: PersonRef = { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' };
// The card is built from the plan as stored: its project lead is the submitter (issue 14: whoever sends it).
const plan = (title: string, lead: PersonRef = priya): InvolvementPlan => {
  const content = readyPlanContent();
  content.project.title = title;
  return {
    id: 12,
    version: '"3"',
    status: 'submitted',
    projectLead: lead,
    involvementLead: null,
    scopingMeeting: null,
    content
  };
};
const links = {
  teams: 'https://teams.microsoft.com/l/entity/app/tab?context=%7B%22subEntityId%22%3A%2212%22%7D',
  web: 'https://contoso.sharepoint.com/sites/involvement/SitePages/Planner.aspx#plan=12'
};
const advice = (p: InvolvementPlan, settings: InvolvementSettings = DEFAULT_SETTINGS) =>
  buildDefensibleRecord(p.content, settings, '2026-11-23T12:00:00Z');
const allText = (card: Record<string, unknown>): string => JSON.stringify(card);

describe('the submission card (Adaptive Card 1.5 for Teams)', () => {
  it('parses cleanly with the Adaptive Cards library and is version 1.5', () => {
    const card = buildSubmissionCard(plan('Overnight opening'), links, 1, advice(plan('Overnight opening')));
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows the title, lead, organisation, place, levels, formal consultation and decision date', () => {
    const text = allText(buildSubmissionCard(plan('Overnight opening'), links, 1, advice(plan('Overnight opening'))));
    for (const expected of [
      'Overnight opening',
      'Priya Shah',
      'Sample ICB',
      'Riverside',
      '"Recommended level","value":"Involving"',
      '"Chosen level","value":"Involving"',
      '"Formal consultation","value":"Unlikely"',
      '"Health scrutiny","value":"Unlikely"',
      '"Secretary of State","value":"Unlikely"',
      '"Programme","value":"Engagement without formal consultation"',
      '30 June 2027'
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('has buttons that open the plan in Teams and in SharePoint', () => {
    const card = buildSubmissionCard(plan('x'), links, 1, advice(plan('x'))) as { actions: Array<{ title: string; url: string }> };
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Teams', url: links.teams },
      { type: 'Action.OpenUrl', title: 'Open in SharePoint', url: links.web }
    ]);
  });

  it('shows user text exactly as typed, where no Teams client reads Markdown, so it cannot inject a link or a mention', () => {
    const title = '[Click here](https://evil.example) <at>Jo Bennett</at> **urgent**';
    const card = buildSubmissionCard(
      plan(title, { ...priya, displayName: '*Priya* [admin](https://x)' }),
      links,
      1,
      advice(plan(title))
    ) as {
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
    const long = plan('T'.repeat(255), { ...priya, displayName: 'D'.repeat(255) });
    long.content.project.organisation = 'O'.repeat(255);
    long.content.project.placeName = 'P'.repeat(255);
    const message = buildSubmissionMessage(long, links, 1, advice(long));
    expect(new TextEncoder().encode(message).length).toBeLessThan(MAX_MESSAGE_BYTES);
    const attachment = (JSON.parse(message) as { attachments: Array<{ content: string }> }).attachments[0];
    expect(cardProblems(JSON.parse(attachment.content))).toEqual([]);
  });

  it('shows the advice kept at submission, under the organisation’s settings, not the defaults', () => {
    const p = plan('Overnight opening');
    const settings: InvolvementSettings = { ...DEFAULT_SETTINGS, planningLeadWeeks: 10, engagementMinimumMonths: 5 };
    const text = allText(buildSubmissionCard(p, links, 1, advice(p, settings)));
    expect(text).toContain('planning 10 weeks; programme at least 5 months');
    expect(allText(buildSubmissionCard(p, links, 1, advice(p)))).toContain('planning 6 weeks; programme at least 4 months');
  });

  it('says "not known yet" for a level the answers do not decide, and gives the lead’s reason for a different level', () => {
    const p = plan('Different level');
    p.content.level = { ...p.content.level, chosen: 'consult', reasonForDifferentLevel: 'The board asked for a formal survey' };
    const text = allText(buildSubmissionCard(p, links, 1, advice(p)));
    expect(text).toContain('The board asked for a formal survey');
    const unknown = plan('Unknown');
    unknown.content.triage.contribution = null;
    expect(allText(buildSubmissionCard(unknown, links, 1, advice(unknown)))).toContain('"Recommended level","value":"Not known yet"');
  });
});
