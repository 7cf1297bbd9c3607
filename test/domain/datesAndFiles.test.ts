/** Issue 15 §6: dates checked against today, and CSV files that are not UTF-8. */
import {
  decisionDateProblem,
  emptyPlanContent,
  decodeCsvBytes,
  DEFAULT_SETTINGS,
  importStakeholdersCsv,
  proposedFromToday,
  proposeTimelineForPlan,
  timelineDateWarnings,
  TRIAGE_QUESTIONS,
  type PlannedStep
} from '../../src/domain';

const today = '2027-03-01';

describe('decision date', () => {
  it.each([
    ['yesterday', '2027-02-28', /is in the past/],
    ['2001', '2001-06-30', /is in the past/],
    ['9999', '9999-12-31', /more than 5 years away\. Check the year: dates up to 1 March 2032 are accepted\./]
  ])('%s is refused with a message saying why', (_name, date, message) => {
    expect(decisionDateProblem(date, today)).toMatch(message);
  });

  it('today, next year and exactly 5 years ahead are fine; empty is left to "required"', () => {
    for (const date of ['2027-03-01', '2028-01-15', '2032-03-01', '']) expect(decisionDateProblem(date, today)).toBeUndefined();
  });
});

describe('timeline dates against today', () => {
  const inputs = { decisionDate: '2027-05-01', formalConsultation: false, settings: DEFAULT_SETTINGS, level: null };

  it('never proposes a step before today, and says which steps were moved', () => {
    const content = emptyPlanContent();
    content.project.decisionDate = inputs.decisionDate;
    for (const q of TRIAGE_QUESTIONS) content.triage[q] = 'no';
    content.triage.changesWhatWhereOrHow = 'yes';
    const proposed = proposeTimelineForPlan(content, DEFAULT_SETTINGS, today);
    expect(proposed.route).toBe('engagement');
    const proposal = proposedFromToday(proposed.steps, today);
    const dated = proposal.steps.filter((s) => !s.skipped);
    expect(dated.length).toBeGreaterThan(0);
    for (const s of dated) expect(s.start >= today && s.end >= s.start).toBe(true);
    expect(proposal.moved.length).toBeGreaterThan(0);
    expect(proposal.moved[0].text).toMatch(/before today, so it now starts today/);
  });

  it('warns when a step ends before it starts', () => {
    const steps: PlannedStep[] = [{ step: '7', start: '2027-06-10', end: '2027-06-01', skipped: false, skipReason: '' }];
    expect(timelineDateWarnings(steps, inputs, today)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'endBeforeStart',
          text: 'Step 7 (Do the engagement) ends on 1 June 2027, before it starts on 10 June 2027. Check its dates.'
        })
      ])
    );
  });

  it('warns when the planning weeks and the shortest programme cannot be met from today', () => {
    const steps: PlannedStep[] = [{ step: '7', start: '2027-03-15', end: '2027-04-15', skipped: false, skipReason: '' }];
    const kinds = timelineDateWarnings(steps, inputs, today).map((w) => w.kind);
    expect(kinds).toEqual(['leadTime', 'programmeFromToday']);
  });
});

describe('CSV files that are not UTF-8', () => {
  // "Name,Notes\r\nCafé Société,Ünïcödé £5\r\n" as Excel's "CSV (Comma delimited)" writes it on UK Windows.
  const windows1252 = Uint8Array.from([
    ...Buffer.from('Name,Notes\r\nCaf', 'latin1'),
    0xe9,
    ...Buffer.from(' Soci', 'latin1'),
    0xe9,
    ...Buffer.from('t', 'latin1'),
    0xe9,
    ...Buffer.from(',', 'latin1'),
    0xdc,
    0x6e,
    0xef,
    0x63,
    0xf6,
    0x64,
    0xe9,
    0x20,
    0xa3,
    0x35,
    0x0d,
    0x0a
  ]);

  it('decodes Windows-1252 and says so; never imports replacement characters', () => {
    const decoded = decodeCsvBytes(windows1252);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.note).toMatch(/read as Windows-1252/);
    expect(decoded.text).not.toContain('\uFFFD');
    const imported = importStakeholdersCsv(decoded.text);
    expect(imported.ready.map((r) => [r.fields.name, r.fields.notes])).toEqual([['Café Société', 'Ünïcödé £5']]);
  });

  it('reads UTF-8 with or without a byte order mark as it is, with nothing to say', () => {
    const utf8 = new TextEncoder().encode('Name\r\nCafé Société\r\n');
    for (const bytes of [utf8, Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])]) {
      const decoded = decodeCsvBytes(bytes);
      expect(decoded).toMatchObject({ encoding: 'utf-8', text: 'Name\r\nCafé Société\r\n' });
      expect(decoded.note).toBeUndefined();
    }
  });

  it('a file whose text already holds replacement characters is not imported, naming the line', () => {
    const decoded = decodeCsvBytes(new TextEncoder().encode('Name\r\nCaf\uFFFD\r\n'));
    expect(decoded.problem).toMatch(/^Line 2 holds characters that could not be read, so nothing was imported\./);
  });
});
