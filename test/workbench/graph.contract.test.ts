/**
 * Graph stand-in (Learn: "Send chatMessage in a channel"; "Format cards in Microsoft Teams":
 * Adaptive Cards up to v1.5, message payload limit 28 KB).
 */
import type { Workbench } from '../../webparts/server/app';
import { SAMPLE_TEAMS } from '../../webparts/server/directory';
import { graphAs, startTestWorkbench, statusOf, USERS } from './harness';

let wb: Workbench;
const team = SAMPLE_TEAMS[0];
const channel = team.channels[1];

const cardMessage = (card: Record<string, unknown>): Record<string, unknown> => ({
  body: { contentType: 'html', content: '<attachment id="card1"></attachment>' },
  attachments: [{ id: 'card1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) }]
});
const goodCard = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'New involvement plan', wrap: true }] };

beforeAll(async () => {
  wb = await startTestWorkbench();
});
afterAll(async () => wb.close());

it('answers /me and the teams the user has joined', async () => {
  expect(await graphAs(wb, USERS.jo).me()).toMatchObject({ displayName: 'Jo Bennett (Sample)' });
  expect((await graphAs(wb, USERS.jo).me.joinedTeams()).map((t) => t.id)).toEqual([team.id]);
  expect(await graphAs(wb, USERS.tom).me.joinedTeams()).toEqual([]);
});

it('lists the channels of a team', async () => {
  const channels = await graphAs(wb, USERS.jo).teams.getById(team.id).channels();
  expect(channels.map((c) => c.displayName)).toEqual(['General', 'Plan submissions']);
});

it('posts a message with an Adaptive Card and keeps it for the channel page', async () => {
  const posted = await graphAs(wb, USERS.priya)
    .teams.getById(team.id)
    .channels.getById(channel.id)
    .messages.add(cardMessage(goodCard) as never);
  expect((posted as unknown as { data: { id: string } }).data.id).toMatch(/^\d+$/);
  const res = await fetch(`${wb.baseUrl}/_workbench/messages`, { headers: { 'x-workbench-user': '4' } });
  const { value } = (await res.json()) as { value: Array<{ from: string }> };
  expect(value).toHaveLength(1);
  expect(value[0].from).toBe('Priya Shah (Sample)');
});

describe('refuses what Teams refuses', () => {
  const post = (userId: number, message: Record<string, unknown>): Promise<unknown> =>
    graphAs(wb, userId)
      .teams.getById(team.id)
      .channels.getById(channel.id)
      .messages.add(message as never);

  it('a sender who is not a member of the team (403)', async () => {
    expect(await statusOf(post(USERS.tom, cardMessage(goodCard)))).toBe(403);
  });
  it('a card above version 1.5 (400)', async () => {
    expect(await statusOf(post(USERS.priya, cardMessage({ ...goodCard, version: '1.6' })))).toBe(400);
  });
  it('a card the Adaptive Cards library cannot parse (400)', async () => {
    expect(await statusOf(post(USERS.priya, cardMessage({ ...goodCard, body: [{ type: 'NotAnElement' }] })))).toBe(400);
  });
  it('a message over 28 KB (413)', async () => {
    const big = { ...goodCard, body: [{ type: 'TextBlock', text: 'x'.repeat(29 * 1024) }] };
    expect(await statusOf(post(USERS.priya, cardMessage(big)))).toBe(413);
  });
});

it('receives a Workflows webhook post with a card (202)', async () => {
  const res = await fetch(`${wb.baseUrl}/workflows/plan-submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: goodCard }] })
  });
  expect(res.status).toBe(202);
});

it('injects 429 with Retry-After when configured, then stops after the set number of times', async () => {
  await fetch(`${wb.baseUrl}/_workbench/faults`, {
    method: 'POST',
    headers: { 'x-workbench-user': '1' },
    body: JSON.stringify([{ path: '^/graph/v1.0/me$', throttle: 1, retryAfterSeconds: 2, times: 1 }])
  });
  const first = await fetch(`${wb.graphUrl}/me`, { headers: { 'x-workbench-user': '4' } });
  expect(first.status).toBe(429);
  expect(first.headers.get('retry-after')).toBe('2');
  const second = await fetch(`${wb.graphUrl}/me`, { headers: { 'x-workbench-user': '4' } });
  expect(second.status).toBe(200);
  await fetch(`${wb.baseUrl}/_workbench/faults`, { method: 'POST', headers: { 'x-workbench-user': '1' }, body: '[]' });
});
