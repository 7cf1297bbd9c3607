import {
  BUDGET_ITEMS,
  ENGAGEMENT_LEVEL_INFO,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_METHODS,
  GUIDE_STEPS,
  GUNNING_PRINCIPLES,
  INEQUALITY_GROUPS,
  PROTECTED_CHARACTERISTICS,
  SOURCES,
  STAKEHOLDER_CATALOGUE,
  TEN_PRINCIPLES,
  EVALUATION_QUESTIONS,
  DEFAULT_SETTINGS,
  SETTING_SOURCES,
  involvementSettingsSchema,
  guideStep,
  levelRank
} from '../../src/domain';
import { readFileSync } from 'fs';
import { join } from 'path';

describe('reference data is complete against DOMAIN.md', () => {
  it('has the 9 steps, with step 4 in five parts, and their minimum durations (§3)', () => {
    expect(GUIDE_STEPS.map((s) => s.id)).toEqual(['1', '2', '3', '4a', '4b', '4c', '4d', '4e', '5', '6', '7', '8', '9']);
    expect(guideStep('4c').duration).toEqual({ minWeeks: 4 });
    expect(guideStep('4d').duration).toEqual({ minWeeks: 6, maxWeeks: 26 });
    expect(guideStep('4e').duration).toEqual({ minWeeks: 4, maxWeeks: 12 });
    expect(guideStep('6').duration).toEqual({ minWeeks: 2, maxWeeks: 8 });
    expect(guideStep('7').duration).toEqual({ minWeeks: 4, maxWeeks: 12 });
    expect(guideStep('8').duration).toEqual({ minWeeks: 2 });
    expect(guideStep('9').duration).toEqual({ minWeeks: 4 });
    expect(guideStep('4c').mayBeSkipped).toMatch(/case for change/);
  });

  it("has one ladder of five rungs with each source's names as aliases (§4)", () => {
    expect(ENGAGEMENT_LEVELS).toEqual(['inform', 'consult', 'involve', 'collaborate', 'devolve']);
    expect(levelRank('consult')).toBeLessThan(levelRank('involve'));
    const aliases = Object.values(ENGAGEMENT_LEVEL_INFO).flatMap((i) => i.aliases.map((a) => a.name));
    for (const name of ['Informing', 'Engage', 'Co-produce', 'Devolving', 'Collaborating']) {
      expect(aliases).toContain(name);
    }
  });

  it('lists the nine protected characteristics and four inequality groups (§8)', () => {
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
    expect(INEQUALITY_GROUPS).toHaveLength(4);
  });

  it('has the stakeholder catalogue of §8, including Healthwatch and the scrutiny committee', () => {
    expect(STAKEHOLDER_CATALOGUE).toHaveLength(21);
    expect(STAKEHOLDER_CATALOGUE.map((s) => s.id)).toEqual(expect.arrayContaining(['healthwatch', 'hosc', 'vcse-groups', 'wider-public']));
  });

  it('has the thirteen methods of §7 and the NHS budget items with £200 per VCSE focus group', () => {
    expect(ENGAGEMENT_METHODS).toHaveLength(13);
    expect(ENGAGEMENT_METHODS.every((m) => m.goodFor.length > 0 && m.accessibilityNotes.length > 0)).toBe(true);
    expect(BUDGET_ITEMS.find((b) => b.id === 'vcse-focus-group')?.defaultUnitCostGbp).toBe(200);
    expect(BUDGET_ITEMS.map((b) => b.id)).toEqual(
      expect.arrayContaining(['interpreter', 'return-postage', 'data-input', 'analysis-report'])
    );
  });

  it('has the four Gunning principles, the ten principles and five evaluation questions', () => {
    expect(GUNNING_PRINCIPLES).toHaveLength(4);
    expect(TEN_PRINCIPLES).toHaveLength(10);
    expect(TEN_PRINCIPLES[9].id).toBe('principle-10');
    expect(EVALUATION_QUESTIONS).toHaveLength(5);
  });

  it('cites only source files that exist in shared/seeds', () => {
    for (const source of Object.values(SOURCES)) {
      const seed = readFileSync(join(__dirname, '../../../shared/seeds', source.file), 'utf8');
      expect(seed.length).toBeGreaterThan(1000);
    }
  });

  it('makes figures the sources disagree on into settings with documented defaults', () => {
    expect(involvementSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.consultationMinimumWeeks).toBe(4);
    expect(SETTING_SOURCES.consultationMinimumWeeks).toMatch(/TRUST allows 2 weeks/);
    expect(Object.keys(SETTING_SOURCES).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});
