import { assessConsultation, emptyPlanContent, type ConsultationTriage } from '../../src/domain';

const none = (): ConsultationTriage => {
  const t = emptyPlanContent().triage;
  for (const k of Object.keys(t) as Array<keyof ConsultationTriage>) t[k] = 'no';
  return t;
};

describe('legal triage (DOMAIN.md §5)', () => {
  it('a timetable change needs no formal consultation', () => {
    const outcome = assessConsultation(none());
    expect(outcome.formalConsultation.likelihood).toBe('unlikely');
    expect(outcome.healthScrutiny.likelihood).toBe('unlikely');
    expect(outcome.unanswered).toEqual([]);
  });

  it('withdrawing a service makes formal consultation likely, citing NENC', () => {
    const outcome = assessConsultation({ ...none(), serviceWithdrawn: 'yes' });
    expect(outcome.formalConsultation.likelihood).toBe('likely');
    expect(outcome.formalConsultation.reasons[0]).toMatchObject({ source: 'NENC', text: expect.stringMatching(/withdrawn/) });
  });

  it('a substantial variation means health scrutiny and Secretary of State notification', () => {
    const outcome = assessConsultation({ ...none(), substantialVariation: 'yes' });
    expect(outcome.healthScrutiny.likelihood).toBe('likely');
    expect(outcome.secretaryOfStateNotification.likelihood).toBe('likely');
  });

  it('a temporary substantial variation is not notifiable to the Secretary of State', () => {
    const outcome = assessConsultation({ ...none(), substantialVariation: 'yes', temporaryOrPilot: 'yes' });
    expect(outcome.healthScrutiny.likelihood).toBe('likely');
    expect(outcome.secretaryOfStateNotification.likelihood).toBe('unlikely');
    expect(outcome.secretaryOfStateNotification.reasons[0].text).toMatch(/Temporary changes are not notifiable/);
  });

  it('an urgent risk to safety still means telling the local authority why', () => {
    const outcome = assessConsultation({ ...none(), substantialVariation: 'yes', urgent: 'yes', riskToSafetyOrWelfare: 'yes' });
    expect(outcome.healthScrutiny.reasons.map((r) => r.text).join(' ')).toMatch(/must still be told why/);
  });

  it('"not sure" makes it possible, and unanswered questions are listed', () => {
    const triage = { ...emptyPlanContent().triage, relocationWithDisruption: 'unsure' as const };
    const outcome = assessConsultation(triage);
    expect(outcome.formalConsultation.likelihood).toBe('possible');
    expect(outcome.unanswered).toHaveLength(9);
  });
});
