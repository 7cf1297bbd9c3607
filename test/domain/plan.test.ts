import {
  budgetTotalGbp,
  emptyPlanContent,
  involvementPlanSchema,
  isIsoDate,
  MESSAGES,
  planContentSchema,
  stakeholderSchema,
  validate,
  VCSE_FOCUS_GROUP_COST_GBP
} from '../../src/domain';
import { completePlanContent } from './fixtures';

describe('plan content schema', () => {
  it('accepts an empty draft: a lead can save at any time', () => {
    expect(validate(planContentSchema, emptyPlanContent())).toMatchObject({ ok: true });
  });

  it('accepts a complete plan', () => {
    expect(validate(planContentSchema, completePlanContent())).toMatchObject({ ok: true });
  });

  it('names the field and says what to do for an impossible decision date', () => {
    const content = completePlanContent();
    content.project.decisionDate = '2027-02-30';
    const result = validate(planContentSchema, content);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'project.decisionDate', key: 'date.invalid', text: MESSAGES['date.invalid'] }]
    });
  });

  it("never shows zod's own English for a wrong type", () => {
    const content = { ...completePlanContent(), budget: [{ item: 'printing', description: 'x', unitCostGbp: 'lots', quantity: 1 }] };
    const result = validate(planContentSchema, content);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({ path: 'budget.0.unitCostGbp', key: 'value.invalid' });
      expect(Object.values(MESSAGES)).toContain(result.problems[0].text);
    }
  });

  it('refuses a negative cost with a plain message', () => {
    const content = completePlanContent();
    content.budget = [{ item: 'vcse-focus-group', description: 'Focus group', unitCostGbp: -5, quantity: 1 }];
    const result = validate(planContentSchema, content);
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'budget.cost.negative', text: 'A cost cannot be less than £0.' }] });
  });

  it('totals the budget to the penny', () => {
    expect(
      budgetTotalGbp([
        { item: 'vcse-focus-group', description: 'Focus groups', unitCostGbp: VCSE_FOCUS_GROUP_COST_GBP, quantity: 3 },
        { item: 'printing', description: 'Leaflets', unitCostGbp: 0.1, quantity: 3 }
      ])
    ).toBe(600.3);
  });

  it('refuses an insight link that is not a web address', () => {
    const content = completePlanContent();
    content.project.insightLinks = [{ title: 'Data', url: 'intranet/miu' }];
    expect(validate(planContentSchema, content)).toMatchObject({
      ok: false,
      problems: [{ path: 'project.insightLinks.0.url', key: 'url.invalid' }]
    });
  });

  it('reads a stored plan with an unknown status as a problem, not a crash', () => {
    const result = validate(involvementPlanSchema, {
      status: 'archived',
      projectLead: null,
      involvementLead: null,
      scopingMeeting: null,
      content: emptyPlanContent()
    });
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'status', key: 'status.invalid' }] });
  });

  it('knows real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('29/02/2028')).toBe(false);
  });
});

describe('stakeholder schema', () => {
  const valid = {
    planId: 1,
    name: 'Riverside Healthwatch',
    kind: 'organisation',
    catalogueEntry: 'healthwatch',
    email: '',
    phone: '',
    mayContact: true,
    lawfulBasis: '',
    quadrant: 'keepSatisfied',
    methods: ['focus-group'],
    channel: 'Email',
    owner: 'Sam',
    notes: '',
    reaches: [],
    audience: '',
    sharedId: null,
    history: []
  } as const;

  it('accepts a group with no personal data', () => {
    expect(validate(stakeholderSchema, valid)).toMatchObject({ ok: true });
  });

  it('asks for a name', () => {
    expect(validate(stakeholderSchema, { ...valid, name: '  ' })).toMatchObject({
      ok: false,
      problems: [{ path: 'name', text: "Add the stakeholder's name." }]
    });
  });

  it('asks for the lawful basis before contacting a person', () => {
    expect(validate(stakeholderSchema, { ...valid, kind: 'person', name: 'A Person' })).toMatchObject({
      ok: false,
      problems: [{ path: 'lawfulBasis', key: 'stakeholder.contactBasis.required' }]
    });
  });

  it('keeps personal contact details off a group', () => {
    expect(validate(stakeholderSchema, { ...valid, kind: 'group', email: 'chair@group.org.uk' })).toMatchObject({
      ok: false,
      problems: [{ path: 'email', key: 'stakeholder.group.noPersonalData' }]
    });
  });

  it('spots a mistyped email address', () => {
    expect(validate(stakeholderSchema, { ...valid, email: 'healthwatch.org.uk' })).toMatchObject({
      ok: false,
      problems: [{ path: 'email', key: 'stakeholder.email.invalid' }]
    });
  });
});
