import {
  checkPlanReadiness,
  DEFAULT_SETTINGS,
  coverageMatrix,
  emptyStakeholderFields,
  exportStakeholdersCsv,
  importStakeholdersCsv,
  moveStakeholder,
  parseCsv,
  quadrantInDirection,
  type StakeholderFields
} from '../../src/domain';
import { readyPlanContent, readyStakeholders } from './fixtures';

const person = (f: Partial<StakeholderFields>): StakeholderFields => ({ ...emptyStakeholderFields(), name: 'Sample', ...f });

describe('moving stakeholders on the grid', () => {
  it('records when, who, from, to and why, oldest first', () => {
    const start = { quadrant: null, history: [] };
    const placed = moveStakeholder(start, 'keepInformed', 'Priya', '2027-01-01T10:00:00Z');
    const moved = moveStakeholder(placed, 'manageClosely', 'Jo', '2027-02-01T10:00:00Z', ' They asked to co-design the service ');
    expect(moved.quadrant).toBe('manageClosely');
    expect(moved.history).toEqual([
      { at: '2027-01-01T10:00:00Z', by: 'Priya', from: null, to: 'keepInformed', reason: '' },
      { at: '2027-02-01T10:00:00Z', by: 'Jo', from: 'keepInformed', to: 'manageClosely', reason: 'They asked to co-design the service' }
    ]);
    expect(moveStakeholder(moved, 'manageClosely', 'Jo', 'later')).toBe(moved);
  });

  it('maps arrow keys to boxes: up is more power, right is more interest', () => {
    expect(quadrantInDirection('monitor', 'up')).toBe('keepSatisfied');
    expect(quadrantInDirection('monitor', 'right')).toBe('keepInformed');
    expect(quadrantInDirection('keepSatisfied', 'right')).toBe('manageClosely');
    expect(quadrantInDirection('manageClosely', 'down')).toBe('keepInformed');
    expect(quadrantInDirection('manageClosely', 'up')).toBe('manageClosely');
    expect(quadrantInDirection(null, 'up')).toBe('keepSatisfied');
  });
});

describe('who we are not hearing from', () => {
  it('shows each group against the stakeholders and methods that reach it', () => {
    const rows = coverageMatrix(
      [
        person({ name: 'Carers Network', reaches: ['carers', 'age'], methods: ['focus-group'] }),
        person({ name: 'Youth Forum', reaches: ['age'], methods: [] })
      ],
      { gapNotes: { race: 'Working with the mosque and gurdwara' } }
    );
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.group === 'carers')).toMatchObject({
      state: 'reached',
      stakeholders: ['Carers Network'],
      methods: ['Focus group or workshop']
    });
    expect(rows.find((r) => r.group === 'age')).toMatchObject({ state: 'reached', stakeholders: ['Carers Network', 'Youth Forum'] });
    expect(rows.find((r) => r.group === 'race')).toMatchObject({ state: 'gap', note: 'Working with the mosque and gurdwara' });
  });

  it('counts a group as unreached when its stakeholders have no method planned', () => {
    expect(coverageMatrix([person({ reaches: ['disability'] })], { gapNotes: {} }).find((r) => r.group === 'disability')?.state).toBe(
      'noMethod'
    );
  });

  it('puts every unaddressed gap, and unplaced stakeholders, in the readiness checklist', () => {
    const content = readyPlanContent();
    content.stakeholderMap.gapNotes = {};
    const items = checkPlanReadiness(
      content,
      [person({ name: 'Carers Network', reaches: ['carers'], methods: ['focus-group'] }), person({ name: 'Gazette' })],
      DEFAULT_SETTINGS
    );
    const map = items.filter((i) => i.section === 'stakeholders');
    expect(map.find((i) => i.field === 'stakeholders.grid')?.text).toBe(
      'Place every stakeholder on the power and interest grid. Not placed yet: Carers Network, Gazette.'
    );
    expect(map.filter((i) => i.key === 'plan.stakeholders.gap')).toHaveLength(12);
    expect(map.find((i) => i.field === 'stakeholderMap.gapNotes.pregnancy-maternity')?.text).toBe(
      'Pregnancy and maternity: No one on the map reaches this group. Add a stakeholder who does, or say what you will do about it.'
    );
    expect(map.some((i) => i.field === 'stakeholderMap.gapNotes.carers')).toBe(false);
  });

  it('asks for a map before a plan is ready, and is satisfied by a complete one', () => {
    expect(checkPlanReadiness(readyPlanContent(), [], DEFAULT_SETTINGS).map((i) => i.key)).toEqual([
      'plan.stakeholders.required',
      'plan.stakeholders.healthwatch',
      'plan.stakeholders.localAuthority'
    ]);
    expect(checkPlanReadiness(readyPlanContent(), readyStakeholders(), DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('CSV', () => {
  it('reads quoted commas, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const { rows } = parseCsv('\ufeffName,Notes\r\n"Smith, Jo","Said ""hello""\nthen left"\r\nNext,x\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['Name', 'Notes'] },
      { line: 2, cells: ['Smith, Jo', 'Said "hello"\nthen left'] },
      { line: 4, cells: ['Next', 'x'] }
    ]);
  });

  it('reports every bad row by line and reason, and keeps the good ones ready', () => {
    const result = importStakeholdersCsv(
      [
        'Name,Type,Email,May contact,Lawful basis,Grid box,Reaches,Methods',
        'Riverside Carers,group,,yes,,Manage closely,Carers;Age,Focus group or workshop',
        ',person,a@b.nhs.uk,no,,,,',
        'Dr Sample,person,not-an-email,yes,,Keep informed,,',
        'Sample Trust,charity,,no,,Somewhere,Left-handed people,Carrier pigeon',
        'Jo Bloggs,person,jo@example.org,yes,Consent given 3 March 2027,keepSatisfied,,survey'
      ].join('\n')
    );
    expect(result.fileProblem).toBeUndefined();
    expect(result.ready.map((r) => [r.line, r.fields.name, r.fields.quadrant])).toEqual([
      [2, 'Riverside Carers', 'manageClosely'],
      [6, 'Jo Bloggs', 'keepSatisfied']
    ]);
    expect(result.ready[0].fields.reaches).toEqual(['carers', 'age']);
    expect(result.problems.map((p) => p.text)).toEqual([
      "Line 3: Name: Add the stakeholder's name.",
      'Line 4: Email: Enter an email address like name@nhs.net.',
      'Line 4: Lawful basis: Say the lawful basis for contacting this stakeholder.',
      'Line 5: Type "charity" is not person, organisation or group.',
      'Line 5: Grid box "Somewhere" should be Manage closely, Keep satisfied, Keep informed or Monitor.',
      'Line 5: Reaches "Left-handed people" is not a protected characteristic or inequality group we know.',
      'Line 5: Method "Carrier pigeon" is not one in the methods list.'
    ]);
  });

  it('refuses a file without a Name column, saying what is needed', () => {
    expect(importStakeholdersCsv('Who,Email\nJo,jo@x.org').fileProblem).toMatch(/one must be "Name"/);
    expect(importStakeholdersCsv('').fileProblem).toMatch(/empty/);
    expect(importStakeholdersCsv('Name,"unclosed\nJo').fileProblem).toMatch(/Line 1: a quoted value is never closed/);
  });

  it('exports what it imports, and stops spreadsheet formulas running', () => {
    const original = [
      person({
        name: '=HYPERLINK("http://evil")',
        kind: 'person',
        email: 'x@y.org',
        mayContact: true,
        lawfulBasis: 'Consent, given "in writing"',
        quadrant: 'monitor',
        reaches: ['race'],
        methods: ['survey', 'drop-in'],
        notes: 'Line one\nline two'
      }),
      person({ name: 'Youth Forum', catalogueEntry: 'young-peoples-groups', reaches: ['age'], audience: 'Young people' })
    ];
    const csv = exportStakeholdersCsv(original);
    expect(csv.split('\r\n')[1].startsWith('"\'=HYPERLINK(""http://evil"")"')).toBe(true);
    const back = importStakeholdersCsv(csv);
    expect(back.problems).toEqual([]);
    expect(back.ready.map((r) => r.fields)).toEqual(original);
  });
});
