import {
  ACCESSIBILITY_CHECKLIST,
  ACCESSIBILITY_GUIDANCE,
  BUDGET_ITEMS,
  checkTransition,
  CITATIONS,
  ENGAGEMENT_METHODS,
  EVALUATION_QUESTIONS,
  GRID_ATTRIBUTION,
  GUIDE_STEPS,
  GUNNING_PRINCIPLES,
  guideStep,
  INEQUALITY_GROUPS,
  LEGAL_DUTY_GUIDANCE,
  PLAN_STATUS_DESCRIPTIONS,
  PROTECTED_CHARACTERISTICS,
  REPORT_CONTENTS,
  RESPONSE_RECORD_RETENTION_CITATION,
  RESPONSE_RECORD_RETENTION_YEARS,
  STAKEHOLDER_CATALOGUE,
  TEN_PRINCIPLES
} from '../../src/domain';
import { LSC, NENC, PC, seedSays, seedText, TRUST } from './seeds';

describe('the 9-step guide and its durations (DOMAIN.md §3)', () => {
  it('has the 9 steps, with step 4 in five parts', () => {
    expect(GUIDE_STEPS.map((s) => s.id)).toEqual(['1', '2', '3', '4a', '4b', '4c', '4d', '4e', '5', '6', '7', '8', '9']);
    for (const s of GUIDE_STEPS) expect(s.guidance.length).toBeGreaterThan(40);
  });

  it.each([
    ['4c', 'Duration: minimum of 4 weeks, often much longer', { minWeeks: 4 }],
    ['4d', 'Duration: 6 weeks to 6 months', { minWeeks: 6, maxWeeks: 26 }],
    ['4e', 'Duration: Minimum of 4 to 12 weeks', { minWeeks: 4, maxWeeks: 12 }],
    ['6', 'Duration: Minimum of 2 to 8 weeks or more', { minWeeks: 2, maxWeeks: 8 }],
    ['7', 'Duration: Minimum of 4 weeks – 12 weeks', { minWeeks: 4, maxWeeks: 12 }],
    ['8', 'Duration: Minimum of 2 weeks', { minWeeks: 2 }],
    ['9', 'Duration: Depends on decision making, but unlikely to be less than 4 weeks.', { minWeeks: 4 }]
  ] as const)(`step %s: "%s" (${LSC})`, (id, line, duration) => {
    seedSays(LSC, line);
    expect(guideStep(id).duration).toEqual(duration);
    expect(CITATIONS[guideStep(id).durationCitation ?? 'nencTemplate'].quote).toContain(line);
  });

  it(`step 4c says when it may be skipped, and never before formal consultation (${PC}, ${NENC})`, () => {
    seedSays(PC, 'Your clinical/service/work to develop a case for change is already clear and supported by relevant data/evidence; and');
    expect(guideStep('4c').mayBeSkipped).toMatch(/case for change/);
    expect(guideStep('4c').mayBeSkipped).toMatch(/Never before a formal consultation/);
  });

  it(`the report makes six things clear and responses are kept five years (${LSC})`, () => {
    seedSays(LSC, 'A record must be kept of responses and feedback received (and retained for five years).');
    seedSays(LSC, 'A report should be prepared outlining the analysis of engagement insight. It should make clear:');
    for (const line of [
      'Dates and timescales of the engagement',
      'What engagement has taken place',
      'A breakdown of the participants',
      'Next steps.'
    ])
      seedSays(LSC, line);
    expect(RESPONSE_RECORD_RETENTION_YEARS).toBe(5);
    expect(RESPONSE_RECORD_RETENTION_CITATION).toBe('lscRetention');
    expect(REPORT_CONTENTS).toEqual([
      'Dates and timescales',
      'What engagement took place',
      'A breakdown of who took part',
      'Themes and findings',
      'Recommendations',
      'Next steps, including what will and will not change because of the findings'
    ]);
  });
});

describe('legal duties, with what each asks (DOMAIN.md §5)', () => {
  it(`names s242, s14Z45, s244, s13G/s14Z35 and the public sector equality duty (${TRUST}, ${NENC})`, () => {
    seedSays(
      TRUST,
      'Section 242(1B) of the NHS Act 2006 requires us to ensure that users of our services (or their representatives) are involved in:'
    );
    seedSays(NENC, 'The relevant clause in the Act for ICBs is S.14Z45');
    seedSays(
      TRUST,
      'Section 244 of the NHS Act 2006 states that regulations may make provision for a local authority to review and scrutinise'
    );
    seedSays(NENC, '(sections 13G and 14Z35 of the National Health Service Act 2006, respectively)');
    seedSays(TRUST, 'The public sector equality duty applies when the NHS is exercising any of its functions.');
    expect(LEGAL_DUTY_GUIDANCE.map((d) => d.id)).toEqual(['s242', 's14Z45', 's244', 's13G-s14Z35', 'psed']);
    for (const d of LEGAL_DUTY_GUIDANCE) {
      expect(d.asks.length).toBeGreaterThan(1);
      for (const c of d.citations) expect(d.sources).toContain(CITATIONS[c].source);
    }
  });

  it(`the equality duty must be met before or at the time a policy is considered (${TRUST})`, () => {
    seedSays(TRUST, "This duty – to 'have regard' to these needs – must be met before or at the time any policy is being considered.");
    expect(LEGAL_DUTY_GUIDANCE.find((d) => d.id === 'psed')?.asks.join(' ')).toMatch(/before or at the time a policy is considered/);
  });
});

describe('accessibility (DOMAIN.md §7)', () => {
  it('lists each point with the toolkit that says it', () => {
    seedSays(LSC, 'aim for a 10-year-old literacy level, and use Arial font for readability');
    seedSays(NENC, 'Use British Sign-Language interpreter (including for online events).');
    seedSays(NENC, 'avoid evening events during Ramadan, avoid Fridays which may be a religious holiday for some cultures');
    expect(ACCESSIBILITY_CHECKLIST).toEqual([
      'Plain English at a reading age of about 10, in Arial',
      'Easy read versions of documents, surveys and results reports',
      'A British Sign Language interpreter, including at online events',
      'Translations into community languages, with advice from community leaders',
      'Audio and braille versions where people need them',
      'Venues on public transport routes, step-free and wheelchair-accessible, with hearing loops',
      'Avoid evening events during Ramadan, and Fridays',
      'Events go ahead even if only one person comes'
    ]);
    for (const p of ACCESSIBILITY_GUIDANCE) expect(p.sources).toContain(CITATIONS[p.citation].source);
  });
});

describe('stakeholders and equality (DOMAIN.md §8)', () => {
  it(`has TRUST Appendix 2's list, including "Local strategic partnerships" (${TRUST})`, () => {
    seedSays(TRUST, 'Local strategic partnerships');
    expect(STAKEHOLDER_CATALOGUE.map((s) => s.name)).toEqual([
      'Staff',
      'Patients',
      'Carers',
      'Local MPs',
      'GPs and patient participation groups',
      'Community organisations',
      'Minority ethnic groups',
      'Voluntary, community and social enterprise (VCSE) groups',
      'Other NHS trusts',
      'Mental health organisations',
      'Social services',
      'Local strategic partnerships',
      'Local councils',
      'Health overview and scrutiny committee',
      'Healthwatch',
      'Disease-specific groups',
      "Older people's groups",
      "Young people's groups",
      'Hospital charities',
      'Volunteers',
      'Media',
      'Wider public'
    ]);
  });

  it(`lists the nine protected characteristics (${TRUST}, ${NENC})`, () => {
    for (const c of ['Gender reassignment', 'Pregnancy and maternity', 'Sexual orientation']) {
      seedSays(TRUST, `· ${c}`);
      seedSays(NENC, c);
    }
    expect(PROTECTED_CHARACTERISTICS.map((c) => c.name)).toEqual([
      'Age',
      'Disability',
      'Gender reassignment',
      'Marriage and civil partnership',
      'Pregnancy and maternity',
      'Race',
      'Religion or belief',
      'Sex',
      'Sexual orientation'
    ]);
  });

  it(`item 10: the groups facing inequalities are LSC's, not NENC's (${LSC})`, () => {
    seedSays(
      LSC,
      'there are other communities or groups that may need to be engaged with such as socio-economic groups, homeless people, carers, asylum seekers and refugees.'
    );
    expect(seedText(NENC)).not.toMatch(/asylum/i);
    expect(INEQUALITY_GROUPS.map((g) => g.name)).toEqual([
      'People living with socio-economic deprivation',
      'People who are homeless',
      'Carers',
      'Asylum seekers and refugees'
    ]);
    for (const g of INEQUALITY_GROUPS) expect(g.sources).toEqual(['LSC']);
  });

  it(`item 10: the power/interest grid is labelled the product's choice, not NENC's (${NENC})`, () => {
    seedSays(NENC, "it's important you don’t include them all in the same box in your map.");
    for (const file of [LSC, PC, NENC, TRUST]) expect(seedText(file)).not.toMatch(/power\/interest|power and interest/i);
    expect(GRID_ATTRIBUTION.source).toBe('product');
    expect(GRID_ATTRIBUTION.text).toMatch(/this product’s choice/);
  });
});

describe('methods, budget, principles, evaluation', () => {
  it('has the methods of §7, each with what it is good for and what to plan for access', () => {
    expect(ENGAGEMENT_METHODS.map((m) => m.id)).toEqual([
      'survey',
      'focus-group',
      'interview',
      'co-production-event',
      'community-outreach',
      'public-meeting',
      'pop-up-stall',
      'lived-experience',
      'leaflets-posters',
      'social-media',
      'drop-in',
      'digital-forum',
      'formal-written-consultation'
    ]);
    for (const m of ENGAGEMENT_METHODS) expect(m.goodFor.length > 0 && m.accessibilityNotes.length > 0).toBe(true);
  });

  it(`costs a VCSE focus group at about £200 (${NENC})`, () => {
    seedSays(NENC, 'Contribution to VCSOs for asset-based focus groups (approximately £200 per focus group).');
    expect(BUDGET_ITEMS.find((b) => b.id === 'vcse-focus-group')?.defaultUnitCostGbp).toBe(200);
  });

  it(`has the four Gunning principles, the ten principles and the five evaluation questions (${LSC}, ${NENC})`, () => {
    seedSays(NENC, 'Did we identify the right people and stakeholders (and any potential gaps)?');
    expect(GUNNING_PRINCIPLES.map((g) => g.id)).toEqual([
      'formative',
      'sufficient-reasons',
      'adequate-time',
      'conscientious-consideration'
    ]);
    expect(TEN_PRINCIPLES.map((p) => p.name)).toContain(
      'Work with Healthwatch and the voluntary, community and social enterprise sector as key partners.'
    );
    expect(TEN_PRINCIPLES.map((p) => p.id)).toEqual(Array.from({ length: 10 }, (_, i) => `principle-${i + 1}`));
    expect(EVALUATION_QUESTIONS).toEqual([
      'Did we have clear objectives that supported wider goals?',
      'Did we reach the right people, and where were the gaps?',
      'Did we use the right messages and methods?',
      'Were the outputs and activities realistic?',
      'What did we learn, and did we feed back to people?'
    ]);
  });
});

describe('item 10: "Closed" means evaluated and fed back', () => {
  it(`closing needs a comment on evaluation and feedback (${NENC} evaluation questions)`, () => {
    seedSays(NENC, 'What did we learn and have we fed back to those involved?');
    const context = {
      role: 'involvementTeam' as const,
      involvementLeadAssigned: true,
      levelConfirmed: true,
      scopingMeetingBooked: true,
      record: { readyForReporting: true, readyToClose: true }
    };
    expect(checkTransition('reporting', 'closed', context)).toEqual({ allowed: false, reason: 'transition.needsEvaluation' });
    expect(
      checkTransition('reporting', 'closed', { ...context, comment: 'Evaluated against the five questions; "you said, we did" published.' })
    ).toMatchObject({
      allowed: true
    });
    expect(PLAN_STATUS_DESCRIPTIONS.closed).toMatch(/evaluated and fed back/);
  });
});
