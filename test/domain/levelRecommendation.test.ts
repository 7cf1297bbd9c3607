import {
  CITATIONS,
  CONTRIBUTIONS,
  DEFAULT_LADDER,
  ENGAGEMENT_LEVEL_INFO,
  LADDER_IDS,
  LADDERS,
  LEVEL_FACTOR_QUESTIONS,
  ladderOrder,
  levelGuidance,
  rankOnLadder,
  recommendEngagementLevel,
  SOURCES,
  type EngagementLevel,
  type LadderId
} from '../../src/domain';
import { answered, LSC, NENC, PC, seedSays, seedText, SUF, TRUST, unanswered } from './seeds';

describe('item 6: each source keeps its own ladder', () => {
  it(`TRUST orders Inform < Consult < Involve < Collaborate < Devolve (${TRUST} Appendix 1, top to bottom)`, () => {
    seedSays(TRUST, "Appendix 1 – The 'Ladder of Engagement and Participation', based on the work of Sherry Arnstein");
    const text = seedText(TRUST);
    const appendix = text.slice(text.indexOf('Appendix 1 –'));
    const at = (n: string): number => appendix.indexOf(n);
    // The appendix lists the ladder top to bottom.
    expect(at('Devolving')).toBeLessThan(at('Collaborating'));
    expect(at('Collaborating')).toBeLessThan(at('Involving'));
    expect(at('Involving')).toBeLessThan(at('Consulting'));
    expect(at('Consulting')).toBeLessThan(at('Informing'));
    expect(ladderOrder('TRUST')).toEqual(['inform', 'consult', 'involve', 'collaborate', 'devolve']);
    expect(LADDERS.TRUST.rungs.map((r) => r.name)).toEqual(['Informing', 'Consulting', 'Involving', 'Collaborating', 'Devolving']);
  });

  it(`PC orders Information sharing < Involving < Consulting < Co-producing < Devolving (${PC} Appendix 1, left to right)`, () => {
    seedSays(PC, 'Information sharing Involving (can be a Consulting — Co-producing / Devolving /');
    seedSays(PC, 'legal requirement) formal, legal collaborating empowering');
    expect(ladderOrder('PC')).toEqual(['inform', 'involve', 'consult', 'collaborate', 'devolve']);
    expect(LADDERS.PC.rungs.map((r) => r.name)).toEqual([
      'Information sharing',
      'Involving (can be a legal requirement)',
      'Consulting (formal, legal requirement)',
      'Co-producing or collaborating',
      'Devolving or empowering'
    ]);
  });

  it(`keeps PC's "minor changes … booking" on PC's involving rung, below its "significant change" (${PC})`, () => {
    // The "When?" row of the PC table, read across its columns: information sharing, involving, then three "Significant".
    seedSays(PC, 'Raising awareness of a Minor changes to Significant Significant Significant');
    seedSays(PC, 'new service/change in service times, service/policy service/policy change');
    const involving = LADDERS.PC.rungs.find((r) => r.level === 'involve');
    expect(involving?.whenToUse.map((w) => w.text)).toContain(
      'Minor changes to service times, booking procedures, leaflets or information'
    );
    const consulting = LADDERS.PC.rungs.find((r) => r.level === 'consult');
    expect(consulting?.whenToUse[0]).toMatchObject({ scale: 'significant' });
  });

  it.each(LADDER_IDS)('a minor change never ranks above a significant one on the %s ladder', (id) => {
    const rungs = LADDERS[id].rungs;
    const ranks = (scale: string): number[] => rungs.flatMap((r, i) => (r.whenToUse.some((w) => w.scale === scale) ? [i] : []));
    expect(ranks('minor').length).toBeGreaterThan(0);
    expect(ranks('significant').length).toBeGreaterThan(0);
    expect(Math.max(...ranks('minor'))).toBeLessThanOrEqual(Math.min(...ranks('significant')));
  });

  it.each(LADDER_IDS)('every example on the %s ladder cites that source', (id) => {
    for (const rung of LADDERS[id].rungs)
      for (const example of rung.whenToUse) expect(CITATIONS[example.citation].source).toBe(LADDERS[id].source);
  });

  it('the mixed ladder the issue found (PC examples on TRUST rungs) would break the rule, so it is not offered', () => {
    const pcOnTrust = LADDERS.PC.rungs.flatMap((r) => r.whenToUse.map((w) => ({ scale: w.scale, rank: rankOnLadder(r.level, 'TRUST') })));
    const minor = Math.max(...pcOnTrust.filter((e) => e.scale === 'minor').map((e) => e.rank));
    const significant = Math.min(...pcOnTrust.filter((e) => e.scale === 'significant').map((e) => e.rank));
    expect(minor).toBeGreaterThan(significant);
  });

  it(`defaults to TRUST's order, which the Suffolk spectrum shares (${SUF}), and says so`, () => {
    seedSays(SUF, 'The four main methods are:');
    const suf = seedText(SUF);
    const at = (n: string): number => suf.indexOf(n, suf.indexOf('The four main methods are:'));
    expect(at('Informing')).toBeLessThan(at('Engaging'));
    expect(at('Engaging')).toBeLessThan(at('Involving'));
    expect(at('Involving')).toBeLessThan(at('Co-producing/Partnership'));
    expect(DEFAULT_LADDER).toBe('TRUST');
    expect(LADDERS.TRUST.orderNote).toMatch(/Suffolk spectrum/);
  });

  it(`gives each level's description, strengths, weaknesses and when to use from each source (${TRUST} Appendix 1)`, () => {
    seedSays(TRUST, 'Only realistic in very narrow situations');
    seedSays(TRUST, 'Difficult to manage well when dealing with larger groups');
    seedSays(TRUST, 'Efficient way to involve large and diverse groups.');
    const devolve = levelGuidance('devolve');
    expect(devolve.map((g) => g.source)).toEqual(['TRUST', 'PC']);
    expect(devolve[0].rung.weaknesses).toContain('Only realistic in very narrow situations');
    expect(levelGuidance('collaborate')[0].rung.weaknesses).toContain('Difficult to manage well with larger groups');
    expect(levelGuidance('inform')[0].rung.strengths).toEqual(['An efficient way to involve large and diverse groups']);
    for (const id of LADDER_IDS) for (const rung of LADDERS[id].rungs) expect(rung.description.length).toBeGreaterThan(20);
  });

  it(`takes NENC's names from its definitions (${NENC})`, () => {
    seedSays(NENC, 'Communication – providing and sharing information and updates on various issues.');
    seedSays(NENC, 'Consultation – is a formal process used in service change');
    seedSays(NENC, 'Involvement – ensures people can be more involved with service improvement and change');
    seedSays(NENC, 'Co-production – there are many definitions of co-production');
    const nenc = Object.values(ENGAGEMENT_LEVEL_INFO).map((i) => i.aliases.find((a) => a.source === 'NENC')?.name);
    expect(nenc).toEqual(['Communication', 'Consultation (a formal process)', 'Involvement', 'Co-production', undefined]);
  });

  it(`names no LSC rung: LSC says there are five levels but does not list them (${LSC})`, () => {
    seedSays(LSC, 'There are five levels of engagement, which identify the type of engagement provided.');
    for (const info of Object.values(ENGAGEMENT_LEVEL_INFO)) expect(info.aliases.map((a) => a.source)).not.toContain('LSC');
    expect(ENGAGEMENT_LEVEL_INFO.consult.aliases).toContainEqual({ source: 'SUF', name: 'Engage' });
    expect(ENGAGEMENT_LEVEL_INFO.inform.aliases).toContainEqual({ source: 'PC', name: 'Information sharing' });
  });
});

describe('item 7: the contribution sought chooses the level', () => {
  it(`asks TRUST's first factor (${TRUST})`, () => {
    seedSays(TRUST, 'What contribution are you seeking from stakeholders?');
    expect(LEVEL_FACTOR_QUESTIONS.contribution.options.map((o) => o.value)).toEqual([...CONTRIBUTIONS]);
    expect(LEVEL_FACTOR_QUESTIONS.contribution.citation).toBe('trustContribution');
  });

  it(`co-designing a service with the people who use it recommends Collaborate or co-produce (${TRUST}, ${PC}, ${NENC})`, () => {
    seedSays(
      TRUST,
      'Working in partnership with communities and patients in each aspect of the decision, including the development of alternatives and the identification of the preferred solution.'
    );
    seedSays(NENC, 'These are a good opportunity to involve the public and stakeholders in developing service design.');
    const advice = recommendEngagementLevel(answered({ contribution: 'coDesign', changesWhatWhereOrHow: 'yes' }));
    expect(advice.level).toBe('collaborate');
    expect(advice.reasons[0].citation).toBe('trustCollaborating');
  });

  it(`placing decisions with people or communities recommends Devolve (${TRUST}: "Personal Health Budgets")`, () => {
    seedSays(
      TRUST,
      'Placing decision making in the hands of the community and individuals. For example, Personal Health Budgets or a community development approaches.'
    );
    const advice = recommendEngagementLevel(answered({ contribution: 'communityDecides' }));
    expect(advice.level).toBe('devolve');
    expect(advice.cautions.map((c) => c.citation)).toContain('trustDevolveNarrow');
  });

  it.each([
    [
      'information',
      'inform',
      'Providing communities and individuals with well-balanced and objective information to assist them in understanding problems, alternatives, opportunities, solutions.'
    ],
    ['feedback', 'consult', 'Obtaining community and individual feedback on analysis, alternatives and/or decision.'],
    [
      'shapeOptions',
      'involve',
      'Working directly with communities and patients in each aspect of the decision, including the development of alternatives and the identification of the preferred solution.'
    ],
    [
      'coDesign',
      'collaborate',
      'Working in partnership with communities and patients in each aspect of the decision, including the development of alternatives and the identification of the preferred solution.'
    ],
    ['communityDecides', 'devolve', 'Placing decision making in the hands of the community and individuals.']
  ] as const)(`a minor change seeking %s → %s (${TRUST} Appendix 1: "%s")`, (contribution, level, line) => {
    seedSays(TRUST, line);
    const advice = recommendEngagementLevel(answered({ contribution }));
    expect(advice.level).toBe(level);
    expect(CITATIONS[advice.reasons[0].citation ?? 'trustNoRouteMap'].quote).toContain(line.replace(/\.$/, ''));
  });

  it(`a preferred option already chosen is cautioned for co-design (${SUF}: "at the earliest stages of service design")`, () => {
    seedSays(SUF, 'in an equal partnership with professionals at the earliest stages of service design, development and evaluation.');
    const advice = recommendEngagementLevel(answered({ contribution: 'coDesign', stage: 'preferredProposal' }));
    expect(advice.cautions.map((c) => c.citation)).toContain('sufCoProduce');
  });

  it(`an urgent change without a risk to safety is cautioned about tight timing (${TRUST})`, () => {
    seedSays(TRUST, 'Where timing is tight, consideration should be given to the most effective way of seeking views.');
    const advice = recommendEngagementLevel(answered({ urgent: 'yes', contribution: 'feedback' }));
    expect(advice.level).toBe('consult');
    expect(advice.cautions.map((c) => c.citation)).toContain('trustUrgency');
  });

  it(`on PC's ladder, feedback without formal consultation is "involving": its consulting is the formal process (${PC})`, () => {
    seedSays(PC, 'Information through Information sharing As per ‘involving’');
    expect(recommendEngagementLevel(answered({ contribution: 'feedback' }), 'PC').level).toBe('involve');
    expect(recommendEngagementLevel(answered({ contribution: 'feedback', substantialVariation: 'yes' }), 'PC').level).toBe('consult');
  });

  it(`co-production with many people is cautioned: hard with larger groups, then consult widely (${TRUST}, ${PC})`, () => {
    seedSays(
      PC,
      'After a period of co-production (d), wider consultation on the outcomes of this should still take place to get a broader consensus on what has been developed.'
    );
    const advice = recommendEngagementLevel(answered({ contribution: 'coDesign', reach: 'wide' }));
    expect(advice.level).toBe('collaborate');
    expect(advice.cautions.map((c) => c.citation)).toEqual(expect.arrayContaining(['trustLargerGroups', 'pcAfterCoProduction']));
  });

  it(`limited resources are weighed, not ignored (${TRUST}: "The availability of resources may impact the choice of engagement.")`, () => {
    seedSays(TRUST, 'The availability of resources may impact the choice of engagement.');
    seedSays(LSC, 'Co-production takes time (months rather than weeks) and commitment from all involved.');
    const advice = recommendEngagementLevel(answered({ contribution: 'coDesign', resources: 'limited' }));
    expect(advice.cautions.map((c) => c.citation)).toEqual(expect.arrayContaining(['trustResources', 'lsc4dMonths']));
  });

  it(`a decision already made is flagged: engagement must be at a formative stage (${LSC})`, () => {
    seedSays(
      LSC,
      'That engagement or consultations should take place when proposals are still at a formative stage (decisions should not already be made)'
    );
    const advice = recommendEngagementLevel(answered({ contribution: 'feedback', stage: 'decided' }));
    expect(advice.cautions.map((c) => c.citation)).toContain('lscGunningFormative');
  });
});

describe('the scale of the change and the legal route set a floor (TRUST factors)', () => {
  it(`item 1: a strategic change recommends at least the formal rung, and says formal consultation is likely (${TRUST})`, () => {
    const byLadder = (ladder: LadderId): EngagementLevel | null =>
      recommendEngagementLevel(answered({ largeOrComplex: 'yes', changesWhatWhereOrHow: 'yes', contribution: 'information' }), ladder)
        .level;
    // TRUST: "consulting and involving" → Involve (above Consult); PC: Consulting is the formal rung.
    expect(byLadder('TRUST')).toBe('involve');
    expect(byLadder('PC')).toBe('consult');
    const advice = recommendEngagementLevel(answered({ largeOrComplex: 'yes', changesWhatWhereOrHow: 'yes' }));
    expect(advice.floor).toBe('consult');
    expect(advice.reasons.map((r) => r.text).join(' ')).toMatch(/Formal consultation is likely/);
    for (const ladder of LADDER_IDS)
      expect(rankOnLadder(byLadder(ladder) ?? 'inform', ladder)).toBeGreaterThanOrEqual(rankOnLadder('consult', ladder));
  });

  it(`a pathway redesign needs consulting and involving (${TRUST})`, () => {
    seedSays(
      TRUST,
      'Less significant changes in the way a particular service is delivered, such as redesigning a patient pathway, are likely to require consulting and involving all service users and stakeholders.'
    );
    expect(recommendEngagementLevel(answered({ changesWhatWhereOrHow: 'yes' })).level).toBe('involve');
  });

  it(`a minor change may be limited to providing information (${TRUST})`, () => {
    seedSays(
      TRUST,
      'A minor change to an aspect of a particular service, such as changes to a service timetable or booking procedure, is unlikely to require a formal consultation process. In this situation service user and stakeholder engagement could be limited to consulting with a sample group or providing information.'
    );
    expect(recommendEngagementLevel(answered()).level).toBe('inform');
  });

  it(`a sensitive subject needs more meaningful involvement (${TRUST})`, () => {
    seedSays(TRUST, 'Particularly sensitive issues may require more extensive and more meaningful patient and public involvement.');
    expect(recommendEngagementLevel(answered({ sensitive: 'yes' })).level).toBe('involve');
  });

  it(`a temporary pilot needs one rung less, on the ladder shown (${TRUST})`, () => {
    const pilot = answered({ changesWhatWhereOrHow: 'yes', temporaryOrPilot: 'yes', mayBecomePermanent: 'no' });
    expect(recommendEngagementLevel(pilot, 'TRUST').level).toBe('consult');
    expect(recommendEngagementLevel(pilot, 'PC').level).toBe('inform');
    // …but never below what the contribution sought asks for.
    expect(recommendEngagementLevel({ ...pilot, contribution: 'coDesign' }).level).toBe('collaborate');
  });

  it('a more significant change never gets a lower recommendation than a less significant one, on either ladder', () => {
    const scales = [
      answered(),
      answered({ changesWhatWhereOrHow: 'yes' }),
      answered({ changesWhatWhereOrHow: 'yes', largeOrComplex: 'yes' })
    ];
    for (const ladder of LADDER_IDS) {
      const ranks = scales.map((t) => rankOnLadder(recommendEngagementLevel(t, ladder).level ?? 'inform', ladder));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

describe('item 5: an urgent change for safety', () => {
  it(`recommends Inform, with engagement still possible (${TRUST}, ${SUF})`, () => {
    seedSays(
      TRUST,
      'In circumstances where a risk to safety or welfare of patients or staff has been identified, this may require making decisions with limited or no patient or public involvement.'
    );
    seedSays(SUF, 'Even in these circumstances, public engagement is still possible');
    const advice = recommendEngagementLevel(unanswered({ urgent: 'yes', riskToSafetyOrWelfare: 'yes' }));
    expect(advice.level).toBe('inform');
    expect(advice.reasons.map((r) => r.citation)).toEqual(expect.arrayContaining(['trustRisk', 'sufSpeed']));
  });

  it('tells the lead to notify the local authority only where it is, or may be, a substantial variation', () => {
    const minor = recommendEngagementLevel(answered({ urgent: 'yes', riskToSafetyOrWelfare: 'yes' }));
    expect(minor.reasons.map((r) => r.text).join(' ')).not.toMatch(/local authority/);
    const substantial = recommendEngagementLevel(answered({ urgent: 'yes', riskToSafetyOrWelfare: 'yes', substantialVariation: 'yes' }));
    expect(substantial.reasons.map((r) => r.text).join(' ')).toMatch(
      /tell the local authority about the decision and why there was no consultation/
    );
  });
});

describe('item 11: no level until the deciding answers are given', () => {
  it('recommends nothing with nothing answered, and names the questions', () => {
    const advice = recommendEngagementLevel(unanswered());
    expect(advice.level).toBeNull();
    expect(advice.missing).toEqual(expect.arrayContaining(['changesWhatWhereOrHow', 'serviceWithdrawn', 'contribution']));
    expect(advice.reasons[0].text).toMatch(/^Not known yet/);
  });

  it('recommends nothing until the contribution sought is given', () => {
    const advice = recommendEngagementLevel(answered({ contribution: null, changesWhatWhereOrHow: 'yes' }));
    expect(advice.level).toBeNull();
    expect(advice.missing).toEqual(['contribution']);
  });

  it('cites only known sources', () => {
    const advice = recommendEngagementLevel(answered({ contribution: 'coDesign', reach: 'wide', resources: 'limited' }));
    for (const r of [...advice.reasons, ...advice.cautions]) expect(Object.keys(SOURCES)).toContain(r.source);
  });
});
