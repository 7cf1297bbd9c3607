// The first-chunk byte budget (issue 12) is asserted by `npm run package` on the bundles it has
// just built (webparts/tools/bundle/budget.mjs; CI runs it after this suite). These tests show the
// check can fail: a first chunk over 90 KiB gzip -9, or one missing, fails it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkFirstChunks, FIRST_CHUNK_BUDGET, WEB_PART_BUNDLES } from '../../webparts/tools/bundle/budget.mjs';

describe('the first-chunk byte budget', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ip-budget-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Random bytes do not compress: gzip -9 of n random bytes is a little over n.
  const write = (file: string, bytes: number): void => writeFileSync(join(dir, file), randomBytes(bytes));

  it('is 90 KiB gzip -9 for each web part, as issue 12 sets it', () => {
    expect(FIRST_CHUNK_BUDGET).toBe(92160);
    expect([...WEB_PART_BUNDLES].sort()).toEqual(['involvement-dashboard-web-part', 'involvement-planner-web-part']);
  });

  it('passes first chunks within the budget, and measures only the first chunks', () => {
    write('involvement-planner-web-part_0123456789abcdef.js', 80 * 1024);
    write('involvement-dashboard-web-part_fedcba9876543210.js', 85 * 1024);
    write('chunk.plan-guide_00112233445566778899.js', 300 * 1024);
    const result = checkFirstChunks(dir);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.name).sort()).toEqual(['involvement-dashboard-web-part', 'involvement-planner-web-part']);
    for (const r of result.rows) expect(r.gzip).toBeLessThanOrEqual(FIRST_CHUNK_BUDGET);
  });

  it('fails a first chunk over 90 KiB gzip -9, naming the web part and by how much', () => {
    write('involvement-planner-web-part_0123456789abcdef.js', 80 * 1024);
    write('involvement-dashboard-web-part_fedcba9876543210.js', 91 * 1024);
    const { problems } = checkFirstChunks(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^involvement-dashboard-web-part: first chunk 9\d\.\d KiB gzip -9 \(\d+ B\), over the 90\.0 KiB budget by \d+ B$/
    );
  });

  it('fails when a web part has no first chunk to measure (never a pass by finding nothing)', () => {
    write('involvement-planner-web-part_0123456789abcdef.js', 1024);
    expect(checkFirstChunks(dir).problems).toEqual([expect.stringMatching(/^involvement-dashboard-web-part: no first chunk/)]);
  });
});
