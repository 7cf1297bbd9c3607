/**
 * Issue 15 §2 in the data layer: a value stored in a plan that is not valid never locks the plan
 * (it opens, the bad value shows at its field or is said, and the rest saves), and nothing that
 * fails the plan schema or SharePoint's limits is ever written.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { planContentSchema, readPlanContent, savePlanEdits, type PersonRef, type PlanContent, type StoredPlan } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { completePlanContent } from '../domain/fixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const priya: PersonRef = { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
const repo = () => new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.priya) }));
const plansList = () => wb.store.listByTitle('Involvement plans')!;

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
});
afterAll(async () => wb.close());

/** Change what is stored for a plan as an earlier version of the planner, or someone outside it, could have. */
function storeOutsideThePlanner(id: number, change: (values: Record<string, unknown>) => void): void {
  const item = wb.store.itemsOf(plansList()).get(id)!;
  const values = { ...item.values };
  change(values);
  wb.store.saveItem(plansList(), { ...item, values, version: item.version + 1 });
}

function withJson(values: Record<string, unknown>, column: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(String(values[column])) as Record<string, unknown>;
  edit(json);
  values[column] = JSON.stringify(json);
}

describe('a bad stored value never locks a plan', () => {
  let plan: StoredPlan;
  beforeAll(async () => {
    plan = await repo().create(completePlanContent(), priya, 'req-stored-values');
    storeOutsideThePlanner(plan.id, (values) => {
      withJson(values, 'ipProjectJson', (json) => {
        const project = json.project as PlanContent['project'];
        project.insightLinks = [{ title: 'Survey', url: 'http://not-https.example.nhs.uk' }];
        project.currentService = 's'.repeat(5000);
        (json.objectives as PlanContent['objectives']).decisions = ['d'.repeat(1500)];
      });
      withJson(values, 'ipDeliveryJson', (json) => {
        (json.equality as PlanContent['equality']).eiaLink = 'www.example.nhs.uk/eia';
        json.budget = [
          { item: null, description: 'Room hire', unitCostGbp: -5, quantity: 1 },
          { item: null, description: 'Refreshments', unitCostGbp: 5, quantity: 2.5 }
        ];
        json.timeline = 'soon';
      });
    });
  });

  it('opens: each value of the right kind stays in its field, with its message; what cannot be read is said, with what is stored', async () => {
    const opened = await repo().get(plan.id);
    expect(opened.content.equality.eiaLink).toBe('www.example.nhs.uk/eia');
    expect(opened.content.project.insightLinks[0].url).toBe('http://not-https.example.nhs.uk');
    expect(opened.content.project.currentService).toHaveLength(5000);
    expect(opened.content.objectives.decisions[0]).toHaveLength(1500);
    expect(opened.content.budget).toEqual([
      { item: null, description: 'Room hire', unitCostGbp: -5, quantity: 1 },
      { item: null, description: 'Refreshments', unitCostGbp: 5, quantity: 2.5 }
    ]);
    expect(opened.content.timeline).toEqual([]);
    // The rest of the plan is as it was.
    expect(opened.content.project.title).toBe(completePlanContent().project.title);
    expect(opened.content.communications).toEqual(completePlanContent().communications);

    const byPath = new Map((opened.storedProblems ?? []).map((p) => [p.path, p]));
    expect([...byPath.keys()].sort()).toEqual(
      [
        'budget.0.unitCostGbp',
        'budget.1.quantity',
        'equality.eiaLink',
        'objectives.decisions.0',
        'project.currentService',
        'project.insightLinks.0.url',
        'timeline'
      ].sort()
    );
    expect(byPath.get('project.currentService')).toMatchObject({
      shown: true,
      text: 'This is too long: it can hold at most 4,000 characters. Shorten it.'
    });
    expect(byPath.get('equality.eiaLink')).toMatchObject({ shown: true, stored: 'www.example.nhs.uk/eia' });
    expect(byPath.get('timeline')).toMatchObject({ shown: false, stored: 'soon' });
    expect(byPath.get('timeline')?.text).toMatch(/could not read what is stored here/);
  });

  it('saves: an edit elsewhere is written, the bad values are not written back, and the plan reads back clean', async () => {
    const opened = await repo().get(plan.id);
    const mine = { ...opened.content, project: { ...opened.content.project, focus: 'Saved despite the bad values' } };
    const outcome = await savePlanEdits(repo(), opened, mine);
    expect(outcome.kind).toBe('saved');
    if (outcome.kind !== 'saved') return;
    // Held back, each with its message, and still what the lead sees in the field.
    expect(outcome.held.map((h) => h.path)).toEqual(expect.arrayContaining(['equality.eiaLink', 'project.currentService']));
    expect(outcome.content.equality.eiaLink).toBe('www.example.nhs.uk/eia');
    const again = await repo().get(plan.id);
    expect(again.content.project.focus).toBe('Saved despite the bad values');
    expect(planContentSchema.safeParse(again.content).success).toBe(true);
    expect(again.storedProblems).toBeUndefined();
  });

  it('a column that does not hold JSON opens as empty answers, naming the item and the column', async () => {
    const broken = await repo().create(completePlanContent(), priya, 'req-stored-not-json');
    storeOutsideThePlanner(broken.id, (values) => {
      values.ipCommsJson = '{not json';
    });
    const opened = await repo().get(broken.id);
    expect(opened.content.project).toEqual(completePlanContent().project);
    expect(opened.content.communications.introduction).toBe('');
    expect(opened.storedProblems).toEqual([
      expect.objectContaining({
        path: 'communications',
        shown: false,
        stored: '{not json',
        text: expect.stringContaining(`item ${broken.id}`)
      })
    ]);
    expect(opened.storedProblems?.[0].text).toMatch(/Column "ipCommsJson"/);
  });
});

describe('nothing that fails the plan schema or SharePoint limits is written', () => {
  it('a save of content that is not valid is refused before any request: nothing stored changes', async () => {
    const plan = await repo().create(completePlanContent(), priya, 'req-refused-save');
    const stored = wb.store.itemsOf(plansList()).get(plan.id)!;
    const bad = { ...plan, content: { ...plan.content, equality: { ...plan.content.equality, eiaLink: 'www.example.nhs.uk/eia' } } };
    await expect(repo().save(bad)).rejects.toMatchObject({ kind: 'invalidContent', detail: expect.stringContaining('equality.eiaLink') });
    const after = wb.store.itemsOf(plansList()).get(plan.id)!;
    expect(after.version).toBe(stored.version);
    expect(after.values).toEqual(stored.values);
  });

  it('a create of content that is not valid makes no plan', async () => {
    const before = wb.store.itemsOf(plansList()).size;
    const content = completePlanContent();
    content.project.title = 't'.repeat(300);
    await expect(repo().create(content, priya, 'req-refused-create')).rejects.toMatchObject({ kind: 'invalidContent' });
    expect(wb.store.itemsOf(plansList()).size).toBe(before);
  });

  it('a part too long for its note column is refused, naming the part', async () => {
    const plan = await repo().create(completePlanContent(), priya, 'req-refused-long');
    const content = structuredClone(plan.content);
    content.communications.risks = Array.from({ length: 50 }, () => ({ risk: 'r'.repeat(1000), mitigation: 'm'.repeat(1000) }));
    expect(planContentSchema.safeParse(content).success).toBe(true);
    await expect(repo().save({ ...plan, content })).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: expect.stringMatching(/^The communications and engagement plan are too long to store/)
    });
  });
});

describe('readPlanContent', () => {
  it('reads valid content as it is, with nothing to say', () => {
    const content = completePlanContent();
    expect(readPlanContent(content)).toEqual({ content, problems: [] });
  });

  it('a list longer than allowed keeps its first entries and says so', () => {
    const content = completePlanContent() as unknown as Record<string, unknown>;
    const principles = Array.from({ length: 25 }, (_v, i) => ({ principle: `p${i}`, met: true, evidence: '' }));
    const read = readPlanContent({ ...content, principles });
    expect(read.content.principles).toEqual(principles.slice(0, 20));
    expect(read.problems).toEqual([
      {
        path: 'principles',
        shown: true,
        stored: '25 entries',
        text: expect.stringMatching(/more than the 20 allowed: only the first 20 are shown/)
      }
    ]);
  });
});
