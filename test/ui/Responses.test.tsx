import * as React from 'react';
import { TextDecoder } from 'util';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AppShell } from '../../src/ui';
import { AfterEngagement } from '../../src/ui/after/AfterEngagement';
import { RetentionLabelSetting } from '../../src/ui/dashboard/RetentionLabelSetting';
import { DataError, responsesRetainUntil, type CurrentUser, type PlanStatus } from '../../src/domain';
import { readyPlanContent } from '../domain/fixtures';
import { completeRecord } from '../domain/recordFixtures';
import { InMemoryPlans, InMemoryRecords, InMemoryResponses, InMemorySignOffs, priya, servicesWith } from './fakes';

// jsdom has no TextDecoder; every browser SPFx supports has it, and Node's is the same standard one.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoder });

const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true };

/** A survey export: the name column is never stored; line 3 has no answer, line 4 an unknown group. */
const SURVEY = [
  'Respondent name,Your comments,Which area?,Group',
  'Ann Example,"No bus back after eleven, call 07700 900123",Hexham,Carers',
  'Bob Example,,Blyth,',
  'Cat Example,Parking is impossible,Blyth,Martians',
  'Dan Example,Open on Saturdays please,Alnwick,Age'
].join('\r\n');

function show(
  status: PlanStatus = 'reporting',
  user: CurrentUser = priya,
  responses = new InMemoryResponses(),
  retentionLabel = { current: '' }
) {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent(), undefined, status);
  const records = new InMemoryRecords();
  records.records.set(plan.id, { id: plan.id, version: '"1"', planId: plan.id, content: completeRecord(), modified: '', modifiedBy: '' });
  const signOffs = new InMemorySignOffs();
  const services = servicesWith(repo, user, { records, signOffs, responses, retentionLabel });
  const view = render(
    <AppShell idPrefix="r-" theme="sharepoint" services={services}>
      <AfterEngagement plan={repo.plans.get(plan.id)!} onChanged={jest.fn()} />
    </AppShell>
  );
  return { plan, records, responses, signOffs, view, repo, services };
}

async function chooseFile(text: string, name = 'survey.csv'): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Import responses from CSV' }));
  const input = screen.getByLabelText('CSV file of responses');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
  await screen.findByLabelText(/Column with what people said/);
}

it('imports a CSV of responses: the lead picks the columns, sees every bad row by line, and nothing is added until they accept', async () => {
  const { responses, plan } = show();
  await chooseFile(SURVEY);
  // The columns are guessed from the headings.
  expect(screen.getByLabelText(/Column with what people said/)).toHaveValue('1');
  expect(screen.getByLabelText(/Column with the place/)).toHaveValue('2');
  expect(screen.getByLabelText(/Column with the group/)).toHaveValue('3');
  const problems = await screen.findByRole('list', { name: 'Problems in the file' });
  expect(
    within(problems)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
  ).toEqual([
    'Line 3: The response (column "Your comments") is empty.',
    'Line 4: The group "Martians" is not a protected characteristic or inequality group we know, such as "Age" or "Carers".'
  ]);
  expect(screen.getByText(/2 rows are ready to add from survey.csv; 2 rows have problems and will be left out/)).toBeInTheDocument();
  expect(responses.items).toHaveLength(0);
  fireEvent.click(screen.getByRole('button', { name: 'Add 2 responses' }));
  expect(await screen.findByText('Added 2 responses from survey.csv.')).toBeInTheDocument();
  expect(responses.items.map((r) => [r.text, r.place, r.groups, r.source])).toEqual([
    ['No bus back after eleven, call 07700 900123', 'Hexham', ['carers'], 'Imported from survey.csv'],
    ['Open on Saturdays please', 'Alnwick', ['age'], 'Imported from survey.csv']
  ]);
  expect(JSON.stringify(responses.items)).not.toContain('Example');
  expect(responses.items.every((r) => r.planId === plan.id)).toBe(true);
  // Importing the same file again adds nothing twice.
  await chooseFile(SURVEY);
  fireEvent.click(await screen.findByRole('button', { name: 'Add 2 responses' }));
  expect(await screen.findByText('Added 2 responses from survey.csv.')).toBeInTheDocument();
  expect(responses.items).toHaveLength(2);
});

it('tags responses with several themes by keyboard-reachable boxes; counts per theme and group follow, and quotes are chosen without phone numbers', async () => {
  const responses = new InMemoryResponses();
  const { records, plan } = show('reporting', priya, responses);
  await chooseFile(SURVEY);
  fireEvent.click(await screen.findByRole('button', { name: 'Add 2 responses' }));
  await screen.findByText('Added 2 responses from survey.csv.');
  const first = screen.getByRole('group', { name: 'Themes of response 1' });
  fireEvent.click(within(first).getByRole('checkbox', { name: 'Getting there at night' }));
  await waitFor(() => expect(responses.items[0].themeIds).toEqual(['t1']));
  fireEvent.click(within(screen.getByRole('group', { name: 'Themes of response 1' })).getByRole('checkbox', { name: 'Staffing' }));
  await waitFor(() => expect(responses.items[0].themeIds).toEqual(['t1', 't2']));
  const table = screen.getByRole('table', { name: /Responses per theme/ });
  expect(within(table).getByRole('row', { name: /Getting there at night/ })).toHaveTextContent('Getting there at night1Carers 1');
  expect(within(table).getByRole('row', { name: /No theme yet/ })).toHaveTextContent('No theme yet1');
  // The record still holds the typed counts until the lead uses the counted ones.
  fireEvent.click(screen.getByRole('button', { name: 'Use the counts from the tags' }));
  await waitFor(() =>
    expect(records.records.get(plan.id)!.content.themes.map((t) => [t.mentions, t.counted])).toEqual([
      [1, true],
      [1, true]
    ])
  );
  // A quote chosen from a tagged response, with the phone number taken out.
  fireEvent.click(screen.getByRole('button', { name: 'Edit theme Getting there at night' }));
  const form = screen.getByRole('form', { name: 'Edit theme: Getting there at night' });
  expect(within(form).getByText('Responses tagged with it: 1 (counted from the tags).')).toBeInTheDocument();
  fireEvent.click(within(form).getByRole('checkbox', { name: '“No bus back after eleven, call [phone number removed]”' }));
  fireEvent.click(within(form).getByRole('button', { name: 'Save theme' }));
  await waitFor(() =>
    expect(records.records.get(plan.id)!.content.themes[0].quotes).toEqual([
      'There is no bus back after eleven.',
      'No bus back after eleven, call [phone number removed]'
    ])
  );
});

it('two quick ticks on one response are both saved, one after the other, without a conflict; the boxes stay usable while saving', async () => {
  const responses = new InMemoryResponses();
  await responses.addMany(1, [
    { rowKey: 'hand-q', source: 'Entered by hand', fields: { text: 'Too far', place: '', groups: [], themeIds: [] } }
  ]);
  show('reporting', priya, responses);
  const boxes = await screen.findByRole('group', { name: 'Themes of response 1' });
  fireEvent.click(within(boxes).getByRole('checkbox', { name: 'Getting there at night' }));
  expect(within(boxes).getByRole('checkbox', { name: 'Staffing' })).toBeEnabled();
  fireEvent.click(within(boxes).getByRole('checkbox', { name: 'Staffing' }));
  expect(within(boxes).getByRole('checkbox', { name: 'Staffing' })).toBeChecked();
  await waitFor(() => expect(responses.items[0].themeIds).toEqual(['t1', 't2']));
  expect(screen.queryByText(/Someone else changed this response/)).not.toBeInTheDocument();
});

it('a stale tag (someone else changed the response) is refused, not overwritten', async () => {
  const responses = new InMemoryResponses();
  await responses.addMany(1, [
    { rowKey: 'hand-a', source: 'Entered by hand', fields: { text: 'Too far', place: '', groups: [], themeIds: [] } }
  ]);
  show('reporting', priya, responses);
  const boxes = await screen.findByRole('group', { name: 'Themes of response 1' });
  responses.items[0] = { ...responses.items[0], version: '"99"', themeIds: ['t2'] };
  fireEvent.click(within(boxes).getByRole('checkbox', { name: 'Getting there at night' }));
  expect(await screen.findByText(/Someone else changed this response while you were tagging it/)).toBeInTheDocument();
  expect(responses.items[0].themeIds).toEqual(['t2']);
});

it('an import cut off part way is kept on this device and offered back whole after a reload, and finishing adds no duplicates', async () => {
  const responses = new InMemoryResponses();
  responses.failNextAdds.push({ error: new DataError('unavailable', 'HTTP 503'), landFirst: 1 });
  const first = show('reporting', priya, responses);
  await chooseFile(SURVEY);
  fireEvent.click(await screen.findByRole('button', { name: 'Add 2 responses' }));
  expect(await screen.findByText(/trying again adds only those not already added, even after a reload/)).toBeInTheDocument();
  expect(responses.items).toHaveLength(1);
  // Let the browser's store finish writing, then "reload".
  await new Promise((resolve) => setTimeout(resolve, 100));
  first.view.unmount();
  show('reporting', priya, responses);
  expect(await screen.findByText('An import of responses was not finished')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Finish adding them' }));
  expect(await screen.findByText('Added 2 responses from survey.csv.')).toBeInTheDocument();
  expect(responses.items.map((r) => r.text)).toEqual(['No bus back after eleven, call 07700 900123', 'Open on Saturdays please']);
  expect(screen.queryByText('An import of responses was not finished')).not.toBeInTheDocument();
});

it('adds a response by hand, checked before anything is sent', async () => {
  const { responses } = show();
  fireEvent.click(await screen.findByRole('button', { name: 'Add a response by hand' }));
  const form = screen.getByRole('form', { name: 'New response' });
  fireEvent.click(within(form).getByRole('button', { name: 'Add the response' }));
  expect(await within(form).findByText('Write what the person said.')).toBeInTheDocument();
  expect(responses.items).toHaveLength(0);
  fireEvent.change(within(form).getByLabelText(/What the person said/), { target: { value: 'The waiting room is too cold' } });
  fireEvent.change(within(form).getByLabelText(/Place/), { target: { value: 'Morpeth' } });
  fireEvent.click(within(form).getByRole('checkbox', { name: 'Carers' }));
  fireEvent.click(within(within(form).getByRole('group', { name: 'Themes it raises' })).getByRole('checkbox', { name: 'Staffing' }));
  fireEvent.click(within(form).getByRole('button', { name: 'Add the response' }));
  expect(await screen.findByText('Added the response.')).toBeInTheDocument();
  expect(responses.items).toMatchObject([
    { text: 'The waiting room is too cold', place: 'Morpeth', groups: ['carers'], themeIds: ['t2'], source: 'Entered by hand' }
  ]);
  expect(responses.items[0].rowKey).toMatch(/^hand-/);
});

it('a response typed by hand survives a reload: offered back whole, and added once even if the first try reached SharePoint', async () => {
  const responses = new InMemoryResponses();
  // The add reaches SharePoint, but the answer is lost (the network drops).
  responses.failNextAdds.push({ error: new DataError('offline', 'The network dropped.'), landFirst: 1 });
  const first = show('reporting', priya, responses);
  fireEvent.click(await screen.findByRole('button', { name: 'Add a response by hand' }));
  const form = screen.getByRole('form', { name: 'New response' });
  fireEvent.change(within(form).getByLabelText(/What the person said/), { target: { value: 'Nobody answers the phone at night' } });
  fireEvent.click(within(form).getByRole('checkbox', { name: 'Carers' }));
  fireEvent.click(within(form).getByRole('button', { name: 'Add the response' }));
  expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
  expect(responses.items).toHaveLength(1);
  // Let the browser's store finish writing, then the page is reloaded before trying again.
  await new Promise((resolve) => setTimeout(resolve, 100));
  first.view.unmount();
  show('reporting', priya, responses);
  fireEvent.click(await screen.findByRole('button', { name: 'Carry on with it' }));
  const again = screen.getByRole('form', { name: 'New response' });
  expect(within(again).getByLabelText(/What the person said/)).toHaveValue('Nobody answers the phone at night');
  expect(within(again).getByRole('checkbox', { name: 'Carers' })).toBeChecked();
  fireEvent.click(within(again).getByRole('button', { name: 'Add the response' }));
  expect(await screen.findByText('Added the response.')).toBeInTheDocument();
  expect(responses.items.map((r) => r.text)).toEqual(['Nobody answers the phone at night']);
  expect(screen.queryByText('A response you were typing was not added')).not.toBeInTheDocument();
});

it('a closed plan’s responses are read only; the team opening it stamps the retention date five years on, with the label', async () => {
  const responses = new InMemoryResponses();
  await responses.addMany(1, [
    { rowKey: 'hand-b', source: 'Entered by hand', fields: { text: 'Good staff', place: '', groups: [], themeIds: [] } }
  ]);
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent(), undefined, 'closed');
  const records = new InMemoryRecords();
  records.records.set(plan.id, { id: plan.id, version: '"1"', planId: plan.id, content: completeRecord(), modified: '', modifiedBy: '' });
  const signOffs = new InMemorySignOffs();
  const signed = await signOffs.add(plan.id, completeRecord(), 'Signed', 'so-1');
  const services = servicesWith(repo, jo, { records, signOffs, responses, retentionLabel: { current: 'Engagement – 5 years' } });
  render(
    <AppShell idPrefix="c-" theme="sharepoint" services={services}>
      <AfterEngagement plan={repo.plans.get(plan.id)!} onChanged={jest.fn()} />
    </AppShell>
  );
  const fiveYears = responsesRetainUntil(signed.at);
  await waitFor(() => expect(responses.retention).toEqual([{ planId: plan.id, retainUntil: fiveYears, label: 'Engagement – 5 years' }]));
  expect(await screen.findByText(new RegExp(`Kept until ${fiveYears}`))).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Import responses from CSV' })).not.toBeInTheDocument();
  expect(screen.queryByRole('group', { name: 'Themes of response 1' })).not.toBeInTheDocument();
});

it('where every response already has its date, the team opening a closed plan still asks for the label (a label that failed is applied again); without a label, nothing is written', async () => {
  const open = async (label: string): Promise<InMemoryResponses> => {
    const responses = new InMemoryResponses();
    const repo = new InMemoryPlans();
    const plan = repo.add(readyPlanContent(), undefined, 'closed');
    const records = new InMemoryRecords();
    records.records.set(plan.id, { id: plan.id, version: '"1"', planId: plan.id, content: completeRecord(), modified: '', modifiedBy: '' });
    const signOffs = new InMemorySignOffs();
    const signed = await signOffs.add(plan.id, completeRecord(), 'Signed', 'so-1');
    await responses.addMany(plan.id, [
      { rowKey: 'hand-d', source: 'Entered by hand', fields: { text: 'Kind staff', place: '', groups: [], themeIds: [] } }
    ]);
    responses.items[0] = { ...responses.items[0], retainUntil: responsesRetainUntil(signed.at) };
    const services = servicesWith(repo, jo, { records, signOffs, responses, retentionLabel: { current: label } });
    render(
      <AppShell idPrefix="d-" theme="sharepoint" services={services}>
        <AfterEngagement plan={repo.plans.get(plan.id)!} onChanged={jest.fn()} />
      </AppShell>
    );
    expect(await screen.findByText('Kind staff')).toBeInTheDocument();
    return responses;
  };
  const labelled = await open('Engagement – 5 years');
  await waitFor(() => expect(labelled.retention).toHaveLength(1));
  expect(labelled.retention[0].label).toBe('Engagement – 5 years');
  cleanup();
  const unlabelled = await open('');
  await new Promise((r) => setTimeout(r, 50));
  expect(unlabelled.retention).toEqual([]);
});

it('responses that cannot be read never block the themes and the decision trace, and "Try again" reads them', async () => {
  const responses = new InMemoryResponses();
  await responses.addMany(1, [
    { rowKey: 'hand-c', source: 'Entered by hand', fields: { text: 'Lovely staff', place: '', groups: [], themeIds: [] } }
  ]);
  responses.failNextReads.push(new DataError('listsMissing', 'List "Engagement responses" does not exist.'));
  show('reporting', priya, responses);
  expect(await screen.findByRole('button', { name: 'Add a theme' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Findings and decisions' })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Lovely staff')).toBeInTheDocument();
});

it('closing the plan stamps each response with the retention date five years on and the label the settings name', async () => {
  const responses = new InMemoryResponses();
  const { repo, plan } = show('reporting', jo, responses, { current: 'Engagement – 5 years' });
  await responses.addMany(plan.id, [
    { rowKey: 'hand-d', source: 'Entered by hand', fields: { text: 'Fine', place: '', groups: [], themeIds: [] } }
  ]);
  fireEvent.click(await screen.findByRole('button', { name: 'Close the plan' }));
  await waitFor(() => expect(repo.plans.get(plan.id)!.status).toBe('closed'));
  // Five years on (the rule and its leap-day case are tested against the seed in test/domain/responses.test.ts).
  const fiveYears = responsesRetainUntil(new Date().toISOString().slice(0, 10));
  await waitFor(() => expect(responses.retention).toEqual([{ planId: plan.id, retainUntil: fiveYears, label: 'Engagement – 5 years' }]));
  expect(responses.items[0].retainUntil).toBe(fiveYears);
});

it('the team names a Microsoft Purview retention label in the settings; a bad name is explained and not saved; leads cannot change it', async () => {
  const label = { current: '' };
  const { unmount } = render(
    <AppShell idPrefix="l-" theme="sharepoint" services={servicesWith(new InMemoryPlans(), jo, { retentionLabel: label })}>
      <RetentionLabelSetting />
    </AppShell>
  );
  const input = await screen.findByLabelText('Retention label name (optional)');
  fireEvent.change(input, { target: { value: 'Records: 5 years' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save the label' }));
  expect(await screen.findByText(/Enter the retention label’s name exactly as it is in Microsoft Purview/)).toBeInTheDocument();
  expect(label.current).toBe('');
  fireEvent.change(input, { target: { value: 'Engagement records - 5 years' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save the label' }));
  expect(
    await screen.findByText('Responses will get the label “Engagement records - 5 years” when their plan closes.')
  ).toBeInTheDocument();
  expect(label.current).toBe('Engagement records - 5 years');
  unmount();
  render(
    <AppShell idPrefix="m-" theme="sharepoint" services={servicesWith(new InMemoryPlans(), priya, { retentionLabel: label })}>
      <RetentionLabelSetting />
    </AppShell>
  );
  expect(await screen.findByLabelText('Retention label name (optional)')).toBeDisabled();
});
