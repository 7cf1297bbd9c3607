import {
  citedLine,
  insightEntriesSchema,
  insightOf,
  INSIGHT_ENTRY_MAX_CHARS,
  INSIGHT_MAX_CHARS,
  matchesWords,
  searchWords,
  withCitedLine
} from '../../src/domain';
import { completeRecord } from './recordFixtures';

it('keeps the lessons, each finding with what changes or why not, each theme and "you said, we did", in that order', () => {
  const entries = insightOf(completeRecord());
  expect(entries.map((e) => e.kind)).toEqual(['lesson', 'finding', 'finding', 'theme', 'theme', 'youSaidWeDid']);
  expect(entries[1].text).toBe(
    'People without a car could not reach the emergency department at night. What will change: A free taxi to the emergency department from midnight to 8am.'
  );
  expect(entries[2].text).toMatch(/^People asked for two nurses on every night shift\. What will not change, and why: /);
  expect(entries[3].text).toBe('Getting there at night: No buses after 11pm.');
  expect(insightEntriesSchema.safeParse(entries).success).toBe(true);
});

it('leaves out what is empty, cuts long text on a word, and keeps the whole within its column budget', () => {
  const r = completeRecord();
  r.evaluation.lessons = '   ';
  r.feedback.summary = `${'word '.repeat(400)}end`;
  r.themes = Array.from({ length: 60 }, (_, i) => ({ ...r.themes[0], id: `t${i}`, description: 'x '.repeat(400) }));
  const entries = insightOf(r);
  expect(entries.some((e) => e.kind === 'lesson')).toBe(false);
  expect(entries.every((e) => e.text.length <= INSIGHT_ENTRY_MAX_CHARS)).toBe(true);
  expect(JSON.stringify(entries).length).toBeLessThanOrEqual(INSIGHT_MAX_CHARS);
  expect(entries.find((e) => e.kind === 'theme')?.text).toMatch(/x…$/);
});

it('matches every word, in any order, ignoring case and accents; one-letter words and empty searches match nothing', () => {
  expect(searchWords('  Café, CARERS a  ')).toEqual(['cafe', 'carers']);
  expect(matchesWords('Carers used the café in the evening', searchWords('evening cafe'))).toBe(true);
  expect(matchesWords('Carers used the café', searchWords('carers evening'))).toBe(false);
  expect(matchesWords('anything', searchWords(' a '))).toBe(false);
});

it('cites a result in one line with its plan and year, and adds it after what the lead wrote, once', () => {
  const line = citedLine({ planTitle: 'Wheelchair service\nredesign', periodEnd: '2026-11-30', text: 'Repairs take  too long.' });
  expect(line).toBe('From Wheelchair service redesign (2026): Repairs take too long.');
  expect(withCitedLine('', line)).toBe(line);
  expect(withCitedLine('Our own survey of 2025.\n\n', line)).toBe(`Our own survey of 2025.\n${line}`);
  expect(withCitedLine(`Our survey.\n${line}`, line)).toBe(`Our survey.\n${line}`);
});
