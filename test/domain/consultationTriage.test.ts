import { assessLegalDuties, applicableTriageQuestions, TRIAGE_QUESTIONS, TRIAGE_QUESTION_TEXT } from '../../src/domain';
import { answered, NENC, seedSays, TRUST, unanswered } from './seeds';

const texts = (reasons: ReadonlyArray<{ text: string }>): string => reasons.map((r) => r.text).join(' ');

describe('formal public consultation (DOMAIN.md §5)', () => {
  it.each([
    ['serviceWithdrawn', 'Are we withdrawing services completely?', 'nencWithdrawing'],
    [
      'relocationWithDisruption',
      'Are we moving services to another location which could cause considerable disruption for service users?',
      'nencRelocation'
    ],
    ['cohortDisadvantaged', 'Will a particular cohort be unfairly disadvantaged by our plans?', 'nencCohort']
  ] as const)(`%s makes it likely (${NENC}: "%s")`, (question, line, citation) => {
    seedSays(NENC, line);
    expect(assessLegalDuties(answered({ [question]: 'yes' })).formalConsultation.reasons.map((r) => r.citation)).toContain(
      citation === 'nencWithdrawing' ? 'nencMajorChange' : citation
    );
    const outcome = assessLegalDuties(answered({ [question]: 'yes' })).formalConsultation;
    expect(outcome.likelihood).toBe('likely');
    expect(outcome.reasons.some((r) => r.source === 'NENC')).toBe(true);
  });

  it(`withdrawing or reducing a service: "almost certainly" (${NENC})`, () => {
    seedSays(
      NENC,
      'If major service change is likely, for instance reducing or decommissioning a service, formal public consultation will almost certainly be needed.'
    );
    const outcome = assessLegalDuties(answered({ serviceWithdrawn: 'yes' })).formalConsultation;
    expect(outcome.reasons[0]).toMatchObject({ citation: 'nencMajorChange', text: expect.stringMatching(/almost certainly/) });
  });

  it(`item 1: a strategic change to what, where and how is likely to need formal consultation (${TRUST})`, () => {
    seedSays(
      TRUST,
      'A strategic proposal which has a significant impact on what, where and how services are provided is likely to require a formal public consultation process'
    );
    const outcome = assessLegalDuties(answered({ largeOrComplex: 'yes', changesWhatWhereOrHow: 'yes' })).formalConsultation;
    expect(outcome.likelihood).toBe('likely');
    expect(outcome.reasons.map((r) => r.citation)).toContain('trustStrategic');
    // Large but not changing what, where or how is not the strategic case.
    expect(assessLegalDuties(answered({ largeOrComplex: 'yes' })).formalConsultation.likelihood).toBe('unlikely');
    // Not sure whether it is large: possible, with "talk to the involvement team".
    const unsure = assessLegalDuties(answered({ largeOrComplex: 'unsure', changesWhatWhereOrHow: 'yes' })).formalConsultation;
    expect(unsure.likelihood).toBe('possible');
    expect(texts(unsure.reasons)).toMatch(/talk to them/);
  });

  it(`a substantial change: "legally required" (${NENC})`, () => {
    seedSays(
      NENC,
      'We are legally required to carry out formal public consultations if there is going to be substantial change to NHS services.'
    );
    expect(assessLegalDuties(answered({ substantialVariation: 'yes' })).formalConsultation.likelihood).toBe('likely');
  });

  it(`asks for pre-engagement before formal consultation (${NENC})`, () => {
    seedSays(NENC, 'you must carry out pre-engagement before planning for formal consultation');
    const outcome = assessLegalDuties(answered({ serviceWithdrawn: 'yes' })).formalConsultation;
    expect(outcome.actions.map((a) => a.citation)).toContain('nencPreEngagement');
  });

  it(`"not sure" makes it possible, never unlikely (${NENC}: the involvement team decides)`, () => {
    seedSays(
      NENC,
      'We work closely with our local Healthwatch organisations and Overview Scrutiny Committees (HOSCs) and Local Authorities (LAs) to determine when formal public consultation is needed, using the expertise within the involvement team.'
    );
    for (const q of ['serviceWithdrawn', 'relocationWithDisruption', 'cohortDisadvantaged', 'substantialVariation'] as const)
      expect(assessLegalDuties(answered({ [q]: 'unsure' })).formalConsultation.likelihood).toBe('possible');
  });

  it(`a temporary change with a trigger is possible, not likely (${TRUST}: permanence)`, () => {
    seedSays(
      TRUST,
      'A lower level of patient or public involvement will be needed for implementing temporary changes and pilot schemes (although feedback on the operation of pilot schemes is likely to be desirable).'
    );
    expect(
      assessLegalDuties(answered({ serviceWithdrawn: 'yes', temporaryOrPilot: 'yes', mayBecomePermanent: 'no' })).formalConsultation
        .likelihood
    ).toBe('possible');
    // A temporary change that could be kept is treated as permanent.
    expect(
      assessLegalDuties(answered({ serviceWithdrawn: 'yes', temporaryOrPilot: 'yes', mayBecomePermanent: 'unsure' })).formalConsultation
        .likelihood
    ).toBe('likely');
  });

  it(`consultation is on proposals, not decisions (${TRUST})`, () => {
    seedSays(TRUST, 'Public consultation needs to take place on proposals, not decisions.');
    const outcome = assessLegalDuties(answered({ serviceWithdrawn: 'yes', stage: 'decided' })).formalConsultation;
    expect(outcome.reasons.map((r) => r.citation)).toContain('trustProposalsNotDecisions');
  });

  it('a timetable change needs no formal consultation, and says the duty to involve still applies', () => {
    const outcome = assessLegalDuties(answered()).formalConsultation;
    expect(outcome.likelihood).toBe('unlikely');
    expect(texts(outcome.reasons)).toMatch(/duty to involve people still applies/);
  });
});

describe('health scrutiny: consulting the local authority (TRUST, regulation 23)', () => {
  it(`a substantial variation is likely, and the card lists what the duty needs (${TRUST})`, () => {
    seedSays(
      TRUST,
      'where an NHS body has under consideration any proposal for a substantial development of the health service or a substantial variation in the provision of the health service in the area of a local authority, the NHS body must:'
    );
    const lines = [
      'Consult the local authority;',
      'the proposed date by which the NHS body intends to make a decision as to whether to proceed with the proposal;',
      'the date by which the NHS body requires the local authority to provide any comments',
      'Inform the local authority of any change to those',
      'Publish those dates, including any changes.'
    ].map((l) => seedSays(TRUST, l));
    const outcome = assessLegalDuties(answered({ substantialVariation: 'yes' })).healthScrutiny;
    expect(outcome.likelihood).toBe('likely');
    expect(outcome.actions.map((a) => a.citation)).toEqual(
      expect.arrayContaining(['trustConsultLa', 'trustDecisionDate', 'trustCommentsDate', 'trustInformOfChanges', 'trustPublishDates'])
    );
    expect(lines).toHaveLength(5);
  });

  it(`shows the disagreement steps and who discharges the duty for a commissioner (${TRUST})`, () => {
    seedSays(
      TRUST,
      'Where there is a disagreement between the NHS body and the local authority, the NHS body must notify the local authority of the disagreement.'
    );
    seedSays(TRUST, 'The local authority has a power to report to the Secretary of State in writing in certain circumstances.');
    seedSays(
      TRUST,
      'If the proposal relates to services for which a CCG or the Board is responsible for arranging provision, the consulting obligations must be discharged by the responsible commissioner on behalf of the NHS body.'
    );
    const actions = assessLegalDuties(answered({ substantialVariation: 'yes' })).healthScrutiny.actions;
    expect(actions.map((a) => a.citation)).toEqual(expect.arrayContaining(['trustDisagreement', 'trustLaReport', 'trustCommissioner']));
    expect(actions.find((a) => a.citation === 'trustCommissioner')?.text).toMatch(/commissioner carries out this duty/);
  });

  it.each([
    ['a service withdrawn', { serviceWithdrawn: 'yes' }],
    ['a move with disruption', { relocationWithDisruption: 'yes' }],
    ['a group disadvantaged', { cohortDisadvantaged: 'yes' }],
    ['a strategic change', { largeOrComplex: 'yes', changesWhatWhereOrHow: 'yes' }],
    ['not sure it is substantial', { substantialVariation: 'unsure' }]
  ] as const)(`item 4: %s makes scrutiny at least possible, even when the lead says it is not substantial (${TRUST})`, (_name, answers) => {
    seedSays(
      TRUST,
      "There is no legal definition as to what constitutes a 'substantial development of the health service or a substantial variation in the provision of the health service'. If there is any doubt, this should be discussed with the local authority."
    );
    const legal = assessLegalDuties(answered(answers));
    expect(legal.healthScrutiny.likelihood).toBe('possible');
    expect(legal.healthScrutiny.reasons.map((r) => r.citation)).toContain('trustNoLegalDefinition');
    expect(legal.healthScrutiny.actions[0].text).toMatch(/Discuss with the local authority/);
    expect(legal.secretaryOfStateNotification.likelihood).toBe('possible');
  });

  it('is unlikely only when it is not substantial and formal consultation is unlikely', () => {
    expect(assessLegalDuties(answered()).healthScrutiny.likelihood).toBe('unlikely');
  });
});

describe('the Secretary of State (NENC, Health and Care Act 2022)', () => {
  it(`notifiable when the duty to consult the scrutiny committee applies (${NENC})`, () => {
    seedSays(
      NENC,
      'Schemes are notifiable at the point the statutory requirement to consult with a HOSC/JHOSC applies – when there is a substantial variation/development under consideration.'
    );
    const sos = assessLegalDuties(answered({ substantialVariation: 'yes' })).secretaryOfStateNotification;
    expect(sos.likelihood).toBe('likely');
    expect(sos.actions.map((a) => a.citation)).toEqual(['nencProForma', 'nencCallIn']);
  });

  it(`item 5: temporary changes are not notifiable, unless they may be made permanent — so it asks (${NENC})`, () => {
    seedSays(NENC, 'Temporary changes are not notifiable – unless proposals to make temporary change permanent emerge.');
    expect(applicableTriageQuestions(answered({ temporaryOrPilot: 'no' }))).not.toContain('mayBecomePermanent');
    expect(applicableTriageQuestions(answered({ temporaryOrPilot: 'yes' }))).toContain('mayBecomePermanent');
    const base = { substantialVariation: 'yes', temporaryOrPilot: 'yes' } as const;
    const notAsked = assessLegalDuties(answered({ ...base, mayBecomePermanent: null })).secretaryOfStateNotification;
    expect(notAsked.likelihood).toBe('unknown');
    expect(notAsked.missing).toEqual(['mayBecomePermanent']);
    const stays = assessLegalDuties(answered({ ...base, mayBecomePermanent: 'no' })).secretaryOfStateNotification;
    expect(stays.likelihood).toBe('unlikely');
    expect(stays.reasons[0]).toMatchObject({
      citation: 'nencTemporary',
      text: expect.stringMatching(/unless proposals to make the temporary change permanent emerge/)
    });
    expect(assessLegalDuties(answered({ ...base, mayBecomePermanent: 'unsure' })).secretaryOfStateNotification.likelihood).toBe('possible');
    expect(assessLegalDuties(answered({ ...base, mayBecomePermanent: 'yes' })).secretaryOfStateNotification.likelihood).toBe('likely');
  });

  it(`a possible notification advises a risk-based approach because of call-in (${NENC})`, () => {
    seedSays(NENC, 'Risk-based approach to notification is advised due to correlation with call-in process.');
    seedSays(NENC, 'From 31 January 2024:');
    seedSays(
      NENC,
      'Anybody can make a ‘call-in’ request to the SoS in relation to any service change scheme at any stage of the reconfiguration process.'
    );
    const sos = assessLegalDuties(answered({ substantialVariation: 'unsure' })).secretaryOfStateNotification;
    expect(sos.reasons.map((r) => r.citation)).toContain('nencRiskBased');
    expect(sos.actions.find((a) => a.citation === 'nencCallIn')?.text).toMatch(/31 January 2024/);
  });
});

describe('item 5: an urgent change for safety is one route, with the local authority duty only where scrutiny applies', () => {
  const urgent = { urgent: 'yes', riskToSafetyOrWelfare: 'yes' } as const;

  it(`is decided without a formal programme; the local authority is told why only for a substantial variation (${TRUST})`, () => {
    seedSays(
      TRUST,
      'This duty does not apply to any proposals on which the NHS body is satisfied that a decision has to be taken without allowing time for consultation because of a risk to safety or welfare of patients and staff. However the NHS body must notify the local authority in these circumstances and the reason why no consultation has taken place.'
    );
    const substantial = assessLegalDuties(answered({ ...urgent, substantialVariation: 'yes', serviceWithdrawn: 'yes' }));
    expect(substantial.urgentSafety).toBe(true);
    expect(substantial.formalConsultation.likelihood).toBe('unlikely');
    expect(substantial.healthScrutiny.likelihood).toBe('likely');
    expect(substantial.healthScrutiny.actions[0]).toMatchObject({
      citation: 'trustUrgentExemption',
      text: 'Tell the local authority about the decision, and the reason why no consultation has taken place.'
    });
    // Not every urgent change: a minor urgent change owes the local authority nothing.
    const minor = assessLegalDuties(answered({ ...urgent }));
    expect(minor.healthScrutiny.likelihood).toBe('unlikely');
    expect(minor.healthScrutiny.actions).toEqual([]);
    expect(texts(minor.healthScrutiny.reasons)).not.toMatch(/why there was no consultation/);
  });

  it(`urgent without a risk to safety is not the exemption: it is tight timing (${TRUST})`, () => {
    seedSays(TRUST, 'Where timing is tight, consideration should be given to the most effective way of seeking views.');
    const legal = assessLegalDuties(answered({ urgent: 'yes', serviceWithdrawn: 'yes' }));
    expect(legal.urgentSafety).toBe(false);
    expect(legal.formalConsultation.likelihood).toBe('likely');
  });

  it(`a temporary urgent change is not notifiable, with the caveat shown (${NENC})`, () => {
    const sos = assessLegalDuties(
      answered({ ...urgent, substantialVariation: 'yes', temporaryOrPilot: 'yes', mayBecomePermanent: 'no' })
    ).secretaryOfStateNotification;
    expect(sos.likelihood).toBe('unlikely');
    expect(texts(sos.reasons)).toMatch(/unless proposals to make the temporary change permanent emerge/);
    const kept = assessLegalDuties(
      answered({ ...urgent, substantialVariation: 'yes', temporaryOrPilot: 'no' })
    ).secretaryOfStateNotification;
    expect(kept.likelihood).toBe('possible');
  });
});

describe('item 11: nothing is "unlikely" before the deciding answers are given', () => {
  it('with no answers, every outcome is not known yet, naming what to answer', () => {
    const legal = assessLegalDuties(unanswered());
    for (const o of [legal.formalConsultation, legal.healthScrutiny, legal.secretaryOfStateNotification]) {
      expect(o.likelihood).toBe('unknown');
      expect(o.reasons[0].text).toMatch(/^Not known yet\. Answer: /);
      expect(o.missing.length).toBeGreaterThan(0);
    }
    expect(legal.unanswered).toEqual(TRIAGE_QUESTIONS.filter((q) => q !== 'mayBecomePermanent'));
  });

  it('a "yes" to a trigger is still not known while the urgent and temporary questions could change it', () => {
    const outcome = assessLegalDuties(unanswered({ serviceWithdrawn: 'yes' })).formalConsultation;
    expect(outcome.likelihood).toBe('unknown');
    expect(outcome.missing).toEqual(['urgent', 'riskToSafetyOrWelfare', 'temporaryOrPilot']);
    expect(
      assessLegalDuties(unanswered({ serviceWithdrawn: 'yes', urgent: 'no', temporaryOrPilot: 'no' })).formalConsultation.likelihood
    ).toBe('likely');
  });

  it('has a plain question for every triage answer', () => {
    for (const q of TRIAGE_QUESTIONS) expect(TRIAGE_QUESTION_TEXT[q]).toMatch(/\?$/);
  });
});
