/**
 * Responses (issue 11 §2): reading a survey's CSV export (the lead picks the columns), every bad
 * row by line in plain English, row keys that make a re-import add nothing, counts per theme and
 * per group from the tagged responses, quotes without personal details, and the retention date.
 */
import {
  countResponses,
  decodeCsvBytes,
  emptyRecordContent,
  engagementRecordContentSchema,
  fileFingerprint,
  guessResponseColumns,
  importResponses,
  importRowKey,
  quoteFromResponse,
  readResponsesCsv,
  responsesRetainUntil,
  responsesToAdd,
  RESPONSE_TEXT_MAX,
  themeSchema,
  withCountedThemes,
  type Theme
} from '../../src/domain';
import { completeRecord } from './recordFixtures';
import { LSC, PC, seedSays } from './seeds';

/** A Microsoft Forms export: an id, a name column (never stored), the free text, the place, the group. */
const FORMS_EXPORT = [
  'ID,Name,What would make the service better for you?,Which area do you live in?,Do you identify with any of these groups?',
  '1,Anon,"Buses stop at six, so I cannot get home",Hexham,Carers',
  '2,Anon,More evening appointments,Blyth,Age; Disability',
  '3,Anon,,Alnwick,',
  '4,Anon,Parking is impossible,Blyth,Martians',
  '5,Anon,"A long answer ""with quotes""',
  'over two lines",Hexham,Prefer not to say',
  `6,Anon,${'x'.repeat(RESPONSE_TEXT_MAX + 1)},Hexham,`
].join('\r\n');

describe('importing responses from CSV', () => {
  it('guesses the free-text, place and group columns from the headings; the lead can change them', () => {
    const file = readResponsesCsv(FORMS_EXPORT);
    expect(file.fileProblem).toBeUndefined();
    expect(file.guess).toEqual({ text: 2, place: 3, group: 4 });
    expect(guessResponseColumns(['Comments', 'Postcode district'])).toEqual({ text: 0, place: 1, group: null });
    expect(guessResponseColumns(['Q1', 'Q2'])).toEqual({ text: null, place: null, group: null });
  });

  it('reports every bad row by line in plain English, and adds only the good ones (and never the name column)', () => {
    const file = readResponsesCsv(FORMS_EXPORT);
    const result = importResponses(file, file.guess);
    expect(result.problems.map((p) => p.text)).toEqual([
      'Line 4: The response (column "What would make the service better for you?") is empty.',
      'Line 5: The group "Martians" is not a protected characteristic or inequality group we know, such as "Age" or "Carers".',
      `Line 8: The response is ${(RESPONSE_TEXT_MAX + 1).toLocaleString('en-GB')} characters long; the most kept is 8,000. Shorten it or split it.`
    ]);
    expect(result.ready.map((r) => [r.line, r.fields.text, r.fields.place, r.fields.groups])).toEqual([
      [2, 'Buses stop at six, so I cannot get home', 'Hexham', ['carers']],
      [3, 'More evening appointments', 'Blyth', ['age', 'disability']],
      [6, 'A long answer "with quotes"\r\nover two lines', 'Hexham', []]
    ]);
    expect(JSON.stringify(result.ready)).not.toContain('Anon');
  });

  it('with other columns chosen, reads the file with them (no place, no group)', () => {
    const file = readResponsesCsv(FORMS_EXPORT);
    const result = importResponses(file, { text: 1, place: null, group: null });
    expect(result.problems).toEqual([]);
    expect(result.ready.map((r) => r.fields)).toEqual(Array(6).fill({ text: 'Anon', place: '', groups: [], themeIds: [] }));
    expect(importResponses(file, { text: null, place: 3, group: 4 })).toEqual({ ready: [], problems: [] });
  });

  it('says what is wrong with a file that cannot be imported at all', () => {
    expect(readResponsesCsv('').fileProblem).toMatch(/^The file is empty/);
    expect(readResponsesCsv('Comments\r\n').fileProblem).toBe('The file has column headings but no responses under them.');
    expect(readResponsesCsv('Comments\r\n"never closed\r\n').fileProblem).toBe(
      'Line 2: a quoted value is never closed. Check for a missing " character.'
    );
    expect(readResponsesCsv(`Comments\r\n${'a\r\n'.repeat(10_001)}`).fileProblem).toBe(
      'The file has 10,001 rows; one import can add up to 10,000. Split the file and import each part.'
    );
  });

  it('reads Excel’s Windows-1252 CSV as such, never with silent replacement characters', () => {
    // "Café too noisy" with é as the single Windows-1252 byte 0xE9.
    const bytes = new Uint8Array([...Buffer.from('Comments,Place\r\nCaf'), 0xe9, ...Buffer.from(' too noisy,Hexham\r\n')]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const file = readResponsesCsv(decoded.text);
    expect(importResponses(file, file.guess).ready[0].fields.text).toBe('Café too noisy');
  });

  it('keys each row by the file and its line, so the same file imported again adds nothing twice', () => {
    const file = readResponsesCsv(FORMS_EXPORT);
    const rows = responsesToAdd('forms.csv', fileFingerprint(FORMS_EXPORT), importResponses(file, file.guess).ready);
    expect(rows.map((r) => r.rowKey)).toEqual([2, 3, 6].map((line) => importRowKey(fileFingerprint(FORMS_EXPORT), line)));
    expect(rows[0].rowKey).toMatch(/^csv-[0-9a-f]{16}-2$/);
    expect(rows[0].source).toBe('Imported from forms.csv');
    expect(fileFingerprint(FORMS_EXPORT)).toBe(fileFingerprint(`${FORMS_EXPORT}`));
    expect(fileFingerprint(FORMS_EXPORT)).not.toBe(fileFingerprint(FORMS_EXPORT.replace('Hexham', 'Hexhan')));
  });
});

describe('themes from tagged responses', () => {
  const themes: Theme[] = [
    { id: 't1', name: 'Getting there', description: '', mentions: 0, quotes: [] },
    { id: 't2', name: 'Opening hours', description: '', mentions: 0, quotes: [] }
  ];
  const responses = [
    { text: 'a', place: 'Hexham', groups: ['carers' as const], themeIds: ['t1', 't2'] },
    { text: 'b', place: 'Blyth', groups: ['age' as const, 'carers' as const], themeIds: ['t1'] },
    { text: 'c', place: '', groups: [], themeIds: [] },
    { text: 'd', place: 'Hexham', groups: ['age' as const], themeIds: ['t2', 't2', 'gone'] }
  ];

  it(`counts responses per theme and per group, and by place (${LSC}: "emerging themes")`, () => {
    seedSays(LSC, 'Surveys should be monitored for response rates, locality, emerging themes.');
    const counts = countResponses(responses, themes);
    expect(counts.total).toBe(4);
    expect(counts.untagged).toBe(1);
    expect(counts.themes).toEqual([
      { themeId: 't1', name: 'Getting there', responses: 2, byGroup: { carers: 2, age: 1 } },
      { themeId: 't2', name: 'Opening hours', responses: 2, byGroup: { carers: 1, age: 1 } }
    ]);
    expect(counts.byGroup).toEqual({ carers: 2, age: 2 });
    expect(counts.byPlace).toEqual([
      { place: 'Hexham', responses: 2 },
      { place: 'Blyth', responses: 1 },
      { place: 'Not recorded', responses: 1 }
    ]);
  });

  it('replaces typed counts with counted ones when the plan has responses; a record without responses reads as before', () => {
    const content = { ...emptyRecordContent(), themes: themes.map((t) => ({ ...t, mentions: 99 })) };
    const counted = withCountedThemes(content, countResponses(responses, themes));
    expect(counted.themes.map((t) => [t.mentions, t.counted, t.byGroup])).toEqual([
      [2, true, { carers: 2, age: 1 }],
      [2, true, { carers: 1, age: 1 }]
    ]);
    expect(engagementRecordContentSchema.safeParse(counted).success).toBe(true);
    expect(withCountedThemes(content, countResponses([], themes))).toBe(content);
    // A record kept before responses were stored (no "counted", no "byGroup") still reads.
    expect(engagementRecordContentSchema.safeParse(completeRecord()).success).toBe(true);
    expect(themeSchema.safeParse({ id: 't9', name: 'Old', description: '', mentions: 5, quotes: [] }).success).toBe(true);
  });

  it('makes a quote from a response without email addresses or phone numbers', () => {
    const quote = quoteFromResponse('Call me on 07700 900123 or mail jo.bloggs@example.com —\n the bus is late.');
    expect(quote).toBe('Call me on [phone number removed] or mail [email removed] — the bus is late.');
    expect(themeSchema.safeParse({ ...themes[0], quotes: [quote] }).success).toBe(true);
    expect(quoteFromResponse('y'.repeat(1200))).toHaveLength(1000);
  });
});

describe('retention (LSC, PC step 8)', () => {
  it(`responses are kept five years after the plan closes (${LSC}, ${PC})`, () => {
    seedSays(LSC, 'A record must be kept of responses and feedback received (and retained for five years).');
    seedSays(PC, 'A record must be kept of responses and feedback received (and retained for five years).');
    expect(responsesRetainUntil('2027-07-05')).toBe('2032-07-05');
    expect(responsesRetainUntil('2028-02-29T10:00:00Z')).toBe('2033-03-01');
  });
});
