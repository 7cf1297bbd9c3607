import { changedParts, emptyRecordContent } from '../../src/domain';
import { deliveredRecord } from './recordFixtures';

describe('changedParts: what changed between two versions of an engagement record, in words', () => {
  it('the first version started the record', () => {
    expect(changedParts(undefined, emptyRecordContent())).toEqual(['Started the record']);
  });

  it('names each part that changed, and counts entries added, changed and removed', () => {
    const before = deliveredRecord();
    const after = structuredClone(before);
    expect(before.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
    // a1 renamed, a2 removed, one added.
    after.activities = [
      { ...before.activities[0], title: 'Renamed' },
      { ...before.activities[0], id: 'new-one' }
    ];
    after.report.summary = 'Changed summary';
    expect(changedParts(before, after)).toEqual(['The engagement log (1 entry added, 1 entry changed, 1 entry removed)', 'The report']);
  });

  it('says so when a version cannot be read, never skips it', () => {
    expect(changedParts(emptyRecordContent(), undefined)).toEqual(['The record could not be read in this version']);
    expect(changedParts(null, emptyRecordContent())).toEqual(['The whole record (the version before could not be read)']);
  });

  it('a save that changed nothing lists nothing', () => {
    expect(changedParts(deliveredRecord(), deliveredRecord())).toEqual([]);
  });
});
