/** Issue 15 §2 and §4 in the domain: only valid content is written, and merges keep both sides. */
import {
  DataError,
  emptyPlanContent,
  mergeStakeholder,
  mergeThreeWay,
  NOTE_COLUMN_MAX_CHARS,
  planContentSchema,
  savePlanEdits,
  settleClashes,
  writablePlanContent,
  type InvolvementPlan,
  type PlanContent,
  type PlanRepository
} from '../../src/domain';
import { completePlanContent } from './fixtures';

describe('what may be written (§2)', () => {
  const saved = completePlanContent();

  it.each([
    ['an EIA link without https://', (c: PlanContent) => (c.equality.eiaLink = 'www.example.nhs.uk/eia'), 'equality.eiaLink'],
    [
      'an insight link that is not https',
      (c: PlanContent) => (c.project.insightLinks = [{ title: 'Survey', url: 'http://x.nhs.uk' }]),
      'project.insightLinks.0.url'
    ],
    ['a 1,500-character decision', (c: PlanContent) => (c.objectives.decisions = ['d'.repeat(1500)]), 'objectives.decisions.0'],
    [
      '5,000 characters in "The current service"',
      (c: PlanContent) => (c.project.currentService = 's'.repeat(5000)),
      'project.currentService'
    ],
    [
      'a cost of -5',
      (c: PlanContent) => (c.budget = [{ item: null, description: 'Hire', unitCostGbp: -5, quantity: 1 }]),
      'budget.0.unitCostGbp'
    ],
    [
      'a quantity of 2.5',
      (c: PlanContent) => (c.budget = [{ item: null, description: 'Hire', unitCostGbp: 5, quantity: 2.5 }]),
      'budget.0.quantity'
    ],
    ['a title of 300 characters (a 255-character column)', (c: PlanContent) => (c.project.title = 't'.repeat(300)), 'project.title']
  ])('%s is held back with its message; the rest is written, and what is written is valid', (_name, breakIt, path) => {
    const edited = structuredClone(saved);
    edited.project.focus = 'A change that must be saved';
    breakIt(edited);
    const result = writablePlanContent(edited, saved);
    expect(result.held.map((h) => h.path)).toEqual([path]);
    expect(result.held[0].text).not.toBe('');
    expect(planContentSchema.safeParse(result.content).success).toBe(true);
    expect(result.content.project.focus).toBe('A change that must be saved');
  });

  it('says the limit when text is too long', () => {
    const edited = structuredClone(saved);
    edited.project.currentService = 's'.repeat(5000);
    expect(writablePlanContent(edited, saved).held[0].text).toBe('This is too long: it can hold at most 4,000 characters. Shorten it.');
  });

  it('refuses to write a part of the plan longer than a SharePoint note column holds, naming it', () => {
    const edited = structuredClone(saved);
    edited.communications.risks = Array.from({ length: 50 }, () => ({ risk: 'r'.repeat(1000), mitigation: 'm'.repeat(1000) }));
    const result = writablePlanContent(edited, saved);
    expect(result.tooLong).toHaveLength(1);
    expect(result.tooLong[0].text).toMatch(
      /^The communications and engagement plan are too long to store: SharePoint keeps at most 63,999 characters/
    );
    expect(result.tooLong[0].length).toBeGreaterThan(NOTE_COLUMN_MAX_CHARS);
    expect(result.content).toBe(saved);
  });
});

describe('three-way merge (§4)', () => {
  it('takes each side where only it changed, and reports only true clashes', () => {
    const base = { a: 1, b: 'x', rows: [{ v: 1 }, { v: 2 }], c: 'same' };
    const mine = { a: 2, b: 'x', rows: [{ v: 1 }, { v: 3 }], c: 'both' };
    const theirs = { a: 1, b: 'y', rows: [{ v: 9 }, { v: 2 }], c: 'both' };
    expect(mergeThreeWay(base, mine, theirs)).toEqual({ merged: { a: 2, b: 'y', rows: [{ v: 9 }, { v: 3 }], c: 'both' }, clashes: [] });
    const clash = mergeThreeWay(base, { ...base, a: 2 }, { ...base, a: 3 });
    expect(clash.clashes).toEqual([{ path: 'a', base: 1, mine: 2, theirs: 3 }]);
    expect(settleClashes(clash, 'mine').a).toBe(2);
    expect(settleClashes(clash, 'theirs').a).toBe(3);
  });

  it('a list both sides added rows to clashes as a whole (rows are never interleaved by guess)', () => {
    const r = mergeThreeWay({ l: [1] }, { l: [1, 2] }, { l: [1, 3] });
    expect(r.clashes.map((c) => c.path)).toEqual(['l']);
  });

  it('a stakeholder move reapplies only the box and its history entry; their other edits stay', () => {
    const base = { name: 'MP office', notes: '', quadrant: 'monitor', version: '"1"', history: [] as Array<{ at: string; by: string }> };
    const mine = { ...base, quadrant: 'manageClosely', history: [{ at: '2027-01-02', by: 'Priya' }] };
    const theirs = { ...base, notes: 'Their note', version: '"2"', history: [] };
    const { merged, clashes } = mergeStakeholder(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(merged).toEqual({
      name: 'MP office',
      notes: 'Their note',
      quadrant: 'manageClosely',
      version: '"2"',
      history: [{ at: '2027-01-02', by: 'Priya' }]
    });
  });
});

describe('savePlanEdits', () => {
  /** A plan store with SharePoint's version rule; `readBackFails` makes the next save's read-back fail after the write landed. */
  function store(initial: PlanContent): PlanRepository & { plan: InvolvementPlan; readBackFails: boolean } {
    let version = 1;
    const s = {
      plan: {
        id: 1,
        version: '"1"',
        status: 'draft',
        projectLead: null,
        involvementLead: null,
        scopingMeeting: null,
        content: initial
      } as InvolvementPlan,
      readBackFails: false,
      get: async () => structuredClone(s.plan),
      save: async (p: InvolvementPlan) => {
        if (p.version !== s.plan.version) throw new DataError('conflict', 'HTTP 412');
        s.plan = { ...s.plan, content: structuredClone(p.content), version: `"${++version}"` };
        if (s.readBackFails) {
          s.readBackFails = false;
          throw new DataError('throttled', 'read-back', 0);
        }
        return structuredClone(s.plan);
      }
    };
    return s as unknown as PlanRepository & { plan: InvolvementPlan; readBackFails: boolean };
  }

  it('after a failed read-back, the retry finds its own write: saved, no clash, nothing written twice', async () => {
    const repo = store(emptyPlanContent());
    const from = await repo.get(1);
    const mine = { ...from.content, project: { ...from.content.project, title: 'Mine' } };
    repo.readBackFails = true;
    await expect(savePlanEdits(repo, from, mine)).rejects.toMatchObject({ kind: 'throttled' });
    const retried = await savePlanEdits(repo, from, mine);
    expect(retried).toMatchObject({ kind: 'saved', held: [] });
    expect(repo.plan.version).toBe('"2"');
  });

  it('never writes into a plan that moved on from an editable status', async () => {
    const repo = store(emptyPlanContent());
    const from = await repo.get(1);
    repo.plan = { ...repo.plan, status: 'submitted', version: '"9"' };
    const outcome = await savePlanEdits(repo, from, { ...from.content, project: { ...from.content.project, title: 'Late' } });
    expect(outcome.kind).toBe('statusChanged');
    expect(repo.plan.content.project.title).toBe('');
  });
});
