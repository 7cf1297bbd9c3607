import {
  buildDefensibleRecord,
  checkDefensibleRecord,
  DEFAULT_SETTINGS,
  readDefensibleRecord,
  RULES_VERSION,
  type DefensibleRecord
} from '../../src/domain';
import { readyPlanContent } from './fixtures';
import { answered } from './seeds';

const AT = '2027-02-01T09:30:00Z';

describe('the defensible record of the advice at submission', () => {
  const content = readyPlanContent();
  content.triage = answered({ serviceWithdrawn: 'yes', changesWhatWhereOrHow: 'yes', contribution: 'feedback' });
  content.level = {
    recommended: 'involve',
    chosen: 'collaborate',
    reasonForDifferentLevel: 'Parents asked to design it with us.',
    confirmedByTeam: false
  };
  const settings = { ...DEFAULT_SETTINGS, planningLeadWeeks: 8, ladderShown: 'PC' as const };

  it('keeps the answers, the outcome with reasons, the levels with the lead’s reason, the rules version and the settings used', () => {
    const record = buildDefensibleRecord(content, settings, AT);
    expect(record).toMatchObject({
      rulesVersion: RULES_VERSION,
      madeAt: AT,
      decisionDate: '2027-06-30',
      answers: content.triage,
      route: 'formalConsultation',
      level: {
        ladder: 'PC',
        recommended: 'consult',
        floor: 'consult',
        chosen: 'collaborate',
        reasonForDifferentLevel: 'Parents asked to design it with us.'
      },
      settings: { planningLeadWeeks: 8, ladderShown: 'PC' }
    });
    expect(record.legal.formalConsultation.likelihood).toBe('likely');
    expect(record.legal.formalConsultation.reasons[0].citation).toBe('nencMajorChange');
    expect(record.legal.healthScrutiny.actions.length).toBeGreaterThan(0);
    expect(record.timelineWarnings.map((w) => w.kind)).toContain('programmeTooShort');
  });

  it('survives being stored and read back, and is refused when altered into nonsense', () => {
    const record = buildDefensibleRecord(content, settings, AT);
    expect(readDefensibleRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, value: record });
    const broken = {
      ...record,
      legal: { ...record.legal, formalConsultation: { ...record.legal.formalConsultation, likelihood: 'certain' } }
    };
    expect(readDefensibleRecord(broken)).toMatchObject({ ok: false });
  });

  it('is not taken on trust: under the same rules, advice that does not follow from its answers is reported', () => {
    const record = buildDefensibleRecord(content, settings, AT);
    expect(checkDefensibleRecord(record, content)).toEqual({ sameRules: true, differences: [] });
    const altered: DefensibleRecord = {
      ...record,
      legal: { ...record.legal, formalConsultation: { ...record.legal.formalConsultation, likelihood: 'unlikely' } },
      level: { ...record.level, recommended: 'inform' }
    };
    expect(checkDefensibleRecord(altered, content).differences).toEqual([
      'Formal public consultation: the record says unlikely, the answers give likely.',
      'Recommended level: the record says inform, the answers give consult.'
    ]);
  });

  it('under older rules, is the advice at the time and is not re-judged', () => {
    const old = { ...buildDefensibleRecord(content, settings, AT), rulesVersion: '2025-01-first' };
    expect(checkDefensibleRecord(old, content)).toEqual({ sameRules: false, differences: [] });
  });
});
