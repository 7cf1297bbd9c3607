import { existsSync } from 'fs';
import { join } from 'path';
import { CITATIONS, SOURCES } from '../../src/domain';
import { normalise, seedText } from './seeds';

describe('every cited line is in its seed file', () => {
  it.each(Object.entries(CITATIONS))('%s', (_id, citation) => {
    expect(seedText(SOURCES[citation.source].file)).toContain(normalise(citation.quote));
  });

  it('cites only seed files that exist in shared/seeds', () => {
    for (const source of Object.values(SOURCES)) expect(existsSync(join(__dirname, '../../../shared/seeds', source.file))).toBe(true);
  });
});
