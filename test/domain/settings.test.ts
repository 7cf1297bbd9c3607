import {
  CITATIONS,
  DEFAULT_SETTINGS,
  diffSettings,
  involvementSettingsSchema,
  readInvolvementSettings,
  SETTING_GUIDANCE,
  SETTING_SOURCES,
  validate
} from '../../src/domain';
import { LSC, NENC, seedSays, TRUST } from './seeds';

describe('organisation settings: defaults follow the guidance they name', () => {
  it(`planning weeks default to NENC's lower figure (${NENC})`, () => {
    seedSays(
      NENC,
      'NB: you need a minimum of 6-8 weeks before you start to speak to people to properly plan and prepare engagement activity.'
    );
    expect(DEFAULT_SETTINGS.planningLeadWeeks).toBe(6);
    expect(SETTING_GUIDANCE.planningLeadWeeks.defaultFollows).toBe('NENC, its lower figure (6 weeks)');
  });

  it(`programme minimums per route default to NENC's lower figures (${NENC})`, () => {
    seedSays(NENC, 'Please allow at least four to six months.');
    seedSays(NENC, 'please allow at least nine to 12 months.');
    expect(DEFAULT_SETTINGS.engagementMinimumMonths).toBe(4);
    expect(DEFAULT_SETTINGS.consultationProgrammeMinimumMonths).toBe(9);
  });

  it(`the shortest consultation follows LSC and PC (4 weeks), saying TRUST allows 2 (${LSC}, ${TRUST})`, () => {
    seedSays(LSC, 'Duration: Minimum of 4 to 12 weeks');
    seedSays(TRUST, 'might typically vary between 2-12 weeks');
    expect(DEFAULT_SETTINGS.consultationMinimumWeeks).toBe(4);
    expect(DEFAULT_SETTINGS.proposedConsultationWeeks).toBe(12);
    expect(SETTING_GUIDANCE.consultationMinimumWeeks.defaultFollows).toMatch(/TRUST allows 2 weeks/);
  });

  it(`the report deadline follows TRUST (${TRUST})`, () => {
    seedSays(TRUST, 'The final report should usually be published within 12 weeks of the consultation closing.');
    expect(DEFAULT_SETTINGS.reportDueWeeksAfterClose).toBe(12);
  });

  it(`holiday periods and bank holidays are the product's choice, as TRUST names no dates (${TRUST})`, () => {
    seedSays(TRUST, 'where the consultation spans all or part of a holiday period');
    expect(DEFAULT_SETTINGS.holidayPeriods).toEqual([
      { name: 'Christmas and New Year', from: '12-20', to: '01-02' },
      { name: 'August', from: '08-01', to: '08-31' }
    ]);
    expect(DEFAULT_SETTINGS.bankHolidayRegion).toBe('englandAndWales');
    expect(SETTING_GUIDANCE.holidayPeriods.defaultFollows).toMatch(/^The product’s choice/);
  });

  it('the ladder shown defaults to TRUST, and says why', () => {
    expect(DEFAULT_SETTINGS.ladderShown).toBe('TRUST');
    expect(SETTING_GUIDANCE.ladderShown.defaultFollows).toMatch(/Suffolk spectrum/);
  });

  it('every setting has guidance, and every citation in it exists', () => {
    expect(Object.keys(SETTING_GUIDANCE).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(Object.keys(SETTING_SOURCES).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const g of Object.values(SETTING_GUIDANCE)) for (const c of g.citations) expect(CITATIONS[c]).toBeDefined();
    expect(involvementSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('bad settings get a clear message and lose nothing', () => {
  const problems = (value: unknown): Array<[string, string]> => {
    const result = validate(involvementSettingsSchema, value);
    return result.ok ? [] : result.problems.map((p) => [p.path, p.text]);
  };

  it('says what is wrong with each figure, in plain English', () => {
    expect(problems({ ...DEFAULT_SETTINGS, planningLeadWeeks: 0 })).toEqual([
      ['planningLeadWeeks', 'Enter the weeks of planning before speaking to people as a whole number from 1 to 52.']
    ]);
    expect(problems({ ...DEFAULT_SETTINGS, engagementMinimumMonths: 4.5 })).toEqual([
      ['engagementMinimumMonths', 'Enter the shortest engagement programme as a whole number of months from 1 to 24.']
    ]);
    expect(problems({ ...DEFAULT_SETTINGS, reportDueWeeksAfterClose: 1 })[0][1]).toMatch(/at least 2 weeks/);
    expect(problems({ ...DEFAULT_SETTINGS, ladderShown: 'SUF' })).toEqual([
      ['ladderShown', "Choose which toolkit's ladder of engagement to show."]
    ]);
  });

  it('refuses settings that contradict each other', () => {
    expect(problems({ ...DEFAULT_SETTINGS, consultationProgrammeMinimumMonths: 3 })).toEqual([
      [
        'consultationProgrammeMinimumMonths',
        'A formal consultation programme cannot be shorter than an engagement programme without one. Raise it, or lower the engagement months.'
      ]
    ]);
    expect(problems({ ...DEFAULT_SETTINGS, proposedConsultationWeeks: 3 })[0][0]).toBe('proposedConsultationWeeks');
  });

  it('checks holiday periods day by day', () => {
    expect(problems({ ...DEFAULT_SETTINGS, holidayPeriods: [{ name: 'Half term', from: '02-30', to: '02-20' }] })).toEqual([
      ['holidayPeriods.0.from', 'Enter the day and month as MM-DD, for example 12-20 for 20 December.']
    ]);
    expect(problems({ ...DEFAULT_SETTINGS, holidayPeriods: [{ name: ' ', from: '02-14', to: '02-20' }] })[0][1]).toMatch(
      /Give the holiday period a name/
    );
  });

  it('reads stored settings, filling settings added since with their defaults', () => {
    const stored = {
      planningLeadWeeks: 8,
      engagementMinimumMonths: 5,
      consultationProgrammeMinimumMonths: 10,
      consultationMinimumWeeks: 4,
      reportDueWeeksAfterClose: 12,
      otherUsersCanRead: false
    };
    const read = readInvolvementSettings(stored);
    expect(read).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, ...stored } });
    expect(readInvolvementSettings('garbage')).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(readInvolvementSettings({ planningLeadWeeks: 'six' })).toMatchObject({ ok: false, problems: [{ path: 'planningLeadWeeks' }] });
  });

  it('records a change in words: old → new', () => {
    const after = { ...DEFAULT_SETTINGS, planningLeadWeeks: 8, ladderShown: 'PC' as const, bankHolidayRegion: 'scotland' as const };
    expect(diffSettings(DEFAULT_SETTINGS, after)).toEqual([
      { key: 'planningLeadWeeks', label: 'Weeks of planning before speaking to people', from: '6 weeks', to: '8 weeks' },
      { key: 'bankHolidayRegion', label: 'Bank holidays', from: 'England and Wales', to: 'Scotland' },
      {
        key: 'ladderShown',
        label: 'Ladder of engagement shown',
        from: 'Ladder of engagement and participation (NHS trust toolkit, based on Arnstein)',
        to: 'Ladder of engagement (provider collaborative guide)'
      }
    ]);
    expect(diffSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toEqual([]);
  });
});
