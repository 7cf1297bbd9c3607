import type { SourceId } from './sources';

/**
 * A line of a source toolkit, quoted word for word (line breaks in the seed file count as
 * spaces). Every rule and figure in the domain points at the line it implements, so the UI can
 * show "what the toolkit says" next to the advice and a test can check the line is really there.
 */
export interface Citation {
  readonly source: SourceId;
  readonly quote: string;
}

const cite = (source: SourceId, quote: string): Citation => ({ source, quote });

/**
 * The lines the rules implement, by name. Quotes are exact (including the toolkits' own spelling
 * and punctuation); `test/domain/citations.test.ts` reads each seed file and fails if a quote is
 * not in it.
 */
export const CITATIONS = {
  // --- Formal consultation: when (NENC, TRUST) -----------------------------------------------
  nencWithdrawing: cite('NENC', 'Are we withdrawing services completely?'),
  nencRelocation: cite('NENC', 'Are we moving services to another location which could cause considerable disruption for service users?'),
  nencCohort: cite('NENC', 'Will a particular cohort be unfairly disadvantaged by our plans?'),
  nencMajorChange: cite(
    'NENC',
    'If major service change is likely, for instance reducing or decommissioning a service, formal public consultation will almost certainly be needed.'
  ),
  nencPreEngagement: cite('NENC', 'you must carry out pre-engagement before planning for formal consultation'),
  nencSubstantialChange: cite(
    'NENC',
    'We are legally required to carry out formal public consultations if there is going to be substantial change to NHS services.'
  ),
  nencInvolvementTeamDecides: cite(
    'NENC',
    'We work closely with our local Healthwatch organisations and Overview Scrutiny Committees (HOSCs) and Local Authorities (LAs) to determine when formal public consultation is needed, using the expertise within the involvement team.'
  ),
  nencCaseForChange: cite('NENC', 'A case for change will start the pre-consultation phase'),
  trustStrategic: cite(
    'TRUST',
    'A strategic proposal which has a significant impact on what, where and how services are provided is likely to require a formal public consultation process'
  ),
  trustPathway: cite(
    'TRUST',
    'Less significant changes in the way a particular service is delivered, such as redesigning a patient pathway, are likely to require consulting and involving all service users and stakeholders.'
  ),
  trustMinor: cite(
    'TRUST',
    'A minor change to an aspect of a particular service, such as changes to a service timetable or booking procedure, is unlikely to require a formal consultation process. In this situation service user and stakeholder engagement could be limited to consulting with a sample group or providing information.'
  ),
  trustWideRange: cite(
    'TRUST',
    'exceptionally a formal consultation process will be the most effective form of engagement, particularly where a substantial change affecting a wide range of stakeholders is proposed.'
  ),
  trustProposalsNotDecisions: cite('TRUST', 'Public consultation needs to take place on proposals, not decisions.'),
  trustPreConsultation: cite('TRUST', 'At this stage all options are considered and no option is disregarded.'),

  // --- Health scrutiny (TRUST, regulation 23) -------------------------------------------------
  trustSubstantialVariation: cite(
    'TRUST',
    'where an NHS body has under consideration any proposal for a substantial development of the health service or a substantial variation in the provision of the health service in the area of a local authority, the NHS body must:'
  ),
  trustConsultLa: cite('TRUST', 'Consult the local authority;'),
  trustDecisionDate: cite(
    'TRUST',
    'the proposed date by which the NHS body intends to make a decision as to whether to proceed with the proposal;'
  ),
  trustCommentsDate: cite('TRUST', 'the date by which the NHS body requires the local authority to provide any comments'),
  trustInformOfChanges: cite('TRUST', 'Inform the local authority of any change to those'),
  trustPublishDates: cite('TRUST', 'Publish those dates, including any changes.'),
  trustNoLegalDefinition: cite(
    'TRUST',
    "There is no legal definition as to what constitutes a 'substantial development of the health service or a substantial variation in the provision of the health service'. If there is any doubt, this should be discussed with the local authority."
  ),
  trustUrgentExemption: cite(
    'TRUST',
    'This duty does not apply to any proposals on which the NHS body is satisfied that a decision has to be taken without allowing time for consultation because of a risk to safety or welfare of patients and staff. However the NHS body must notify the local authority in these circumstances and the reason why no consultation has taken place.'
  ),
  trustDisagreement: cite(
    'TRUST',
    'Where there is a disagreement between the NHS body and the local authority, the NHS body must notify the local authority of the disagreement. The NHS body and the local authority must take reasonably practicable steps to try to reach agreement.'
  ),
  trustLaReport: cite('TRUST', 'The local authority has a power to report to the Secretary of State in writing in certain circumstances.'),
  trustCommissioner: cite(
    'TRUST',
    'If the proposal relates to services for which a CCG or the Board is responsible for arranging provision, the consulting obligations must be discharged by the responsible commissioner on behalf of the NHS body.'
  ),

  // --- Secretary of State (NENC) --------------------------------------------------------------
  nencNotifiable: cite(
    'NENC',
    'Schemes are notifiable at the point the statutory requirement to consult with a HOSC/JHOSC applies – when there is a substantial variation/development under consideration.'
  ),
  nencRiskBased: cite('NENC', 'Risk-based approach to notification is advised due to correlation with call-in process.'),
  nencTemporary: cite('NENC', 'Temporary changes are not notifiable – unless proposals to make temporary change permanent emerge.'),
  nencCallIn: cite(
    'NENC',
    'Anybody can make a ‘call-in’ request to the SoS in relation to any service change scheme at any stage of the reconfiguration process.'
  ),
  nencCallInDate: cite('NENC', 'From 31 January 2024:'),
  nencProForma: cite(
    'NENC',
    'Please contact a member of the involvement team who will support the lead commissioner with the completion of a notification pro-forma'
  ),

  // --- Factors for choosing a level (TRUST "Identifying When to Use Certain Types of Involvement")
  trustNoRouteMap: cite('TRUST', "There is not a simple 'route map' that can be used to pick the most appropriate technique(s)."),
  trustContribution: cite('TRUST', 'What contribution are you seeking from stakeholders?'),
  trustContributionDetail: cite(
    'TRUST',
    'Sometimes the Trust will need to seek information from stakeholders to inform proposals for chance, at other times the Trust will need to provide stakeholders with information to enable them to make meaningful contributions.'
  ),
  trustStage: cite(
    'TRUST',
    'There will often be several stages to any service changes and it may be appropriate to engage in different ways at different stages.'
  ),
  trustReach: cite('TRUST', 'The range and number of service users affected may affect the type of involvement required.'),
  trustSensitive: cite(
    'TRUST',
    'Particularly sensitive issues may require more extensive and more meaningful patient and public involvement.'
  ),
  trustTemporary: cite(
    'TRUST',
    'A lower level of patient or public involvement will be needed for implementing temporary changes and pilot schemes (although feedback on the operation of pilot schemes is likely to be desirable).'
  ),
  trustRisk: cite(
    'TRUST',
    'In circumstances where a risk to safety or welfare of patients or staff has been identified, this may require making decisions with limited or no patient or public involvement.'
  ),
  trustUrgency: cite('TRUST', 'Where timing is tight, consideration should be given to the most effective way of seeking views.'),
  trustResources: cite('TRUST', 'The availability of resources may impact the choice of engagement.'),
  trustDocumentReasons: cite(
    'TRUST',
    'It is good practice to document reasons why certain methods of engagement have been chosen over others.'
  ),
  sufSpeed: cite(
    'SUF',
    'there are times when we must work at speed, particularly where there is a genuine risk to the health, safety or welfare of patients or staff. Even in these circumstances, public engagement is still possible'
  ),

  // --- The ladder (TRUST Appendix 1, PC Appendix 1, SUF spectrum, LSC) -----------------------------
  trustLadderIntro: cite(
    'TRUST',
    'Patient and public voice activities on every step of the ladder is valuable, although participation becomes more meaningful at the top of the ladder.'
  ),
  trustDevolving: cite(
    'TRUST',
    'Placing decision making in the hands of the community and individuals. For example, Personal Health Budgets or a community development approaches.'
  ),
  trustCollaborating: cite(
    'TRUST',
    'Working in partnership with communities and patients in each aspect of the decision, including the development of alternatives and the identification of the preferred solution.'
  ),
  trustInvolving: cite(
    'TRUST',
    'Working directly with communities and patients in each aspect of the decision, including the development of alternatives and the identification of the preferred solution.'
  ),
  trustConsulting: cite('TRUST', 'Obtaining community and individual feedback on analysis, alternatives and/or decision.'),
  trustConsultingFormal: cite(
    'TRUST',
    "For example, surveys, door knocking, citizens' panels, focus groups, shadowing, mystery shopping and a formal consultation process."
  ),
  trustInforming: cite(
    'TRUST',
    'Providing communities and individuals with well-balanced and objective information to assist them in understanding problems, alternatives, opportunities, solutions.'
  ),
  trustInformingMinor: cite('TRUST', 'Suitable for minor or insignificant changes.'),
  trustInformingNotSignificant: cite('TRUST', 'Inappropriate for significant decisions.'),
  trustDevolveNarrow: cite('TRUST', 'Only realistic in very narrow situations'),
  trustLargerGroups: cite('TRUST', 'Difficult to manage well when dealing with larger groups'),
  pcLadderNames: cite('PC', 'Information sharing Involving (can be a Consulting — Co-producing / Devolving /'),
  pcLadderNames2: cite('PC', 'legal requirement) formal, legal collaborating empowering'),
  pcWhenRow: cite('PC', 'Raising awareness of a Minor changes to Significant Significant Significant'),
  pcWhenRow2: cite('PC', 'new service/change in service times, service/policy service/policy change'),
  pcCommunityDevelopment: cite('PC', 'service/how to access booking procedures, | change and/or change Community'),
  pcPathway: cite('PC', 'control, eg due to new redesign or review services are'),
  pcReferral: cite('PC', 'Reviewing referral'),
  pcHowAsInvolving: cite('PC', 'Information through Information sharing As per ‘involving’'),
  pcContentious: cite('PC', 'Issues of a'),
  sufSpectrum: cite('SUF', 'The four main methods are:'),
  sufCoProduce: cite(
    'SUF',
    'co-produce</u> by working with patients and communities in an equal partnership with professionals at the earliest stages of service design, development and evaluation.'
  ),
  lscFiveLevels: cite('LSC', 'There are five levels of engagement, which identify the type of engagement provided.'),

  // --- Steps (LSC, PC) -------------------------------------------------------------------------
  pcSkip4c: cite('PC', 'You may not need this step if:'),
  pcSkip4cCase: cite(
    'PC',
    'Your clinical/service/work to develop a case for change is already clear and supported by relevant data/evidence; and'
  ),
  pcSkip4cView: cite('PC', 'The patient/public perspective is already clear, up-to-date, relevant, and supported by data/evidence.'),
  lsc4cDuration: cite('LSC', 'Duration: minimum of 4 weeks, often much longer'),
  lsc4d: cite('LSC', 'd) Involvement/co-production'),
  lsc4dDuration: cite('LSC', 'Duration: 6 weeks to 6 months'),
  lsc4dMonths: cite('LSC', 'Co-production takes time (months rather than weeks) and commitment from all involved.'),
  pc4dPractical: cite(
    'PC',
    'Given the constraints and pressures on health providers this is not always practical, but with planning and foresight, can be undertaken more often than not.'
  ),
  lsc4eDuration: cite('LSC', 'Duration: Minimum of 4 to 12 weeks'),
  pcAfterCoProduction: cite(
    'PC',
    'After a period of co-production (d), wider consultation on the outcomes of this should still take place to get a broader consensus on what has been developed.'
  ),
  lsc6Duration: cite('LSC', 'Duration: Minimum of 2 to 8 weeks or more'),
  lsc7Duration: cite('LSC', 'Duration: Minimum of 4 weeks – 12 weeks (potentially longer for co-production, collaboration, and co-design)'),
  lsc8Duration: cite('LSC', 'Duration: Minimum of 2 weeks'),
  lsc9Duration: cite('LSC', 'Duration: Depends on decision making, but unlikely to be less than 4 weeks.'),
  lscRetention: cite('LSC', 'A record must be kept of responses and feedback received (and retained for five years).'),
  lscReportHeading: cite('LSC', 'A report should be prepared outlining the analysis of engagement insight. It should make clear:'),
  lscMonitoring: cite(
    'LSC',
    'With a series of engagement activities, continuous monitoring and evaluation is key; waiting until the end is too late. Surveys should be monitored for response rates, locality, emerging themes.'
  ),
  pcMonitoring: cite('PC', 'Where there are a series of activities as part of engagement, continuous monitoring and evaluation is'),
  nencMonitorGaps: cite(
    'NENC',
    'By monitoring who you engage with, you can identify any gaps and people you still need to speak with. You can then put on additional activities to help speak with as many people as possible.'
  ),
  lscReportDates: cite('LSC', '1. Dates and timescales of the engagement'),
  lscReportNextSteps: cite('LSC', '6. Next steps.'),
  lscWillOrWillNotChange: cite(
    'LSC',
    'The findings and recommendations should be reflected in a service report and/or in the board/working group identifying what will or will not change because of the engagement findings. This too, should be recorded.'
  ),
  lscTellPeople: cite('LSC', 'We must tell people what happened because of their participation in engagement:'),
  lscWhatCouldNotChange: cite('LSC', 'What could not change, and why?'),
  lscYouSaidWeDid: cite(
    'LSC',
    "This often takes the form of a 'You said, we did' document which keeps people informed and builds trust, and supports the values adopted by the Integrated Care Board."
  ),
  lscShareOnWebsites: cite(
    'LSC',
    'Feedback on the results of engagement should be shared on websites and, where possible, shared with those who have contributed directly.'
  ),
  lscAnnualReport: cite('LSC', 'report on how they meet it in their annual reports.'),
  nencFeedBack: cite('NENC', 'There are many ways to feedback.'),
  nencEvaluateQuestions: cite(
    'NENC',
    'Look at the aims and objectives you set at the start of the engagement and ask yourself the following questions:'
  ),
  trustFeedbackImpact: cite(
    'TRUST',
    'Feedback should always be provided to patients and the public about the impact of their involvement and the difference they have made'
  ),
  sufSuggestions: cite('SUF', '60% of suggestions from feedback activities have been investigated or actioned.'),
  sufCoProduced: cite('SUF', "'X' amount of services have successfully been co-produced."),
  sufFeelInfluence: cite('SUF', '-Members of the community report they feel they have an influence.'),
  sufPriorityGroups: cite('SUF', "'X' amount of patients from priority groups (BME, YP) are reached."),
  pcCaseForChange: cite('PC', 'Typically patient engagement and involvement begins at the case for change stage'),

  // --- Lead times (NENC, TRUST) ------------------------------------------------------------------
  nencPlanningWeeks: cite(
    'NENC',
    'NB: you need a minimum of 6-8 weeks before you start to speak to people to properly plan and prepare engagement activity.'
  ),
  nencEngagementMonths: cite(
    'NENC',
    'When planning to do engagement that does not require formal public consultation. Please allow at least four to six months.'
  ),
  nencConsultationMonths: cite('NENC', 'If planning for formal public consultation, please allow at least nine to 12 months.'),
  trustConsultationWeeks: cite(
    'TRUST',
    'might typically vary between 2-12 weeks, although longer than 12 weeks may be appropriate for a particularly significant or contentious proposal.'
  ),
  trustHolidays: cite(
    'TRUST',
    'where the consultation spans all or part of a holiday period policy makers should consider what if any impact there may be and take appropriate mitigating action.'
  ),
  trustReportWeeks: cite(
    'TRUST',
    'The final report should usually be published within 12 weeks of the consultation closing. Where it is not published within 12 weeks, the Trust should publish a brief explanation for the delay.'
  ),

  // --- The template and planning checklist (NENC, TRUST Appendix C) -------------------------------
  nencTemplate: cite('NENC', 'This template should include details about the project, any existing insight data, budget, and timescales.'),
  nencScope: cite('NENC', 'What is in scope and what is not in scope'),
  nencBudget: cite('NENC', 'Plan and budget for engagement (methods to reach certain audiences)'),
  nencEvaluation: cite('NENC', 'Evaluation and review'),
  trustBudget: cite('TRUST', 'Have a dedicated budget'),
  trustClinicalLead: cite(
    'TRUST',
    'Identify a senior clinical lead who will make sure that other clinicians are involved in developing the proposals'
  ),
  trustHealthwatch: cite('TRUST', 'Involve Healthwatch'),
  trustLocalAuthority: cite('TRUST', 'Consider involving local authority and social services officers in this work.'),
  nencHealthwatch: cite('NENC', 'Link with Healthwatch'),
  nencBudgetsVary: cite('NENC', 'budgets will vary according to whether you need to consult'),

  // --- Legal duties -----------------------------------------------------------------------------
  trustS242: cite(
    'TRUST',
    'Section 242(1B) of the NHS Act 2006 requires us to ensure that users of our services (or their representatives) are involved in:'
  ),
  trustS244: cite(
    'TRUST',
    "Section 244 of the NHS Act 2006 states that regulations may make provision for a local authority to review and scrutinise matters relating to the health service in the local authority's area."
  ),
  nencS14Z45: cite(
    'NENC',
    'The relevant clause in the Act for ICBs is S.14Z45 which states that the ICBs must make arrangements to secure that individuals to whom the services are being or may be provided, and their carers and representatives (if any), are involved'
  ),
  nencS13G: cite(
    'NENC',
    'ICBs are also under a separate statutory duty to have regard to the need to reduce health inequalities of access to health services and the outcomes achieved (sections 13G and 14Z35 of the National Health Service Act 2006, respectively).'
  ),
  trustPsed: cite('TRUST', 'The public sector equality duty applies when the NHS is exercising any of its functions.'),
  trustPsedTiming: cite(
    'TRUST',
    "This duty – to 'have regard' to these needs – must be met before or at the time any policy is being considered."
  ),
  nencEqualityAct: cite('NENC', 'The Equality Act 2010 gives us a duty to consider the need to:'),
  lscGunningFormative: cite(
    'LSC',
    'That engagement or consultations should take place when proposals are still at a formative stage (decisions should not already be made)'
  ),
  lscFutile: cite('LSC', '(if all decisions have been made already, engagement is futile)'),

  // --- Equality and stakeholders -------------------------------------------------------------------
  lscInequalityGroups: cite(
    'LSC',
    'there are other communities or groups that may need to be engaged with such as socio-economic groups, homeless people, carers, asylum seekers and refugees.'
  ),
  lscNotHearing: cite('LSC', 'It is just as important to understand who you are not hearing from as it is to know who you are.'),
  nencSameBox: cite('NENC', "it's important you don’t include them all in the same box in your map."),
  trustLocalStrategicPartnerships: cite('TRUST', 'Local strategic partnerships'),

  // --- Accessibility -------------------------------------------------------------------------------
  lscReadingAge: cite('LSC', 'aim for a 10-year-old literacy level, and use Arial font for readability'),
  lscVenues: cite('LSC', 'make use of community venues on public transport routes which are wheelchair-accessible and have hearing loops'),
  nencBsl: cite('NENC', 'Use British Sign-Language interpreter (including for online events).'),
  nencEasyRead: cite('NENC', 'Produce easy-read documents, surveys, and results reports.'),
  nencRamadan: cite('NENC', 'avoid evening events during Ramadan, avoid Fridays which may be a religious holiday for some cultures'),
  nencVenue: cite(
    'NENC',
    'Ensure your meeting is held in a venue that is fully accessible with ramps, wheelchair access, hearing loops and is located on an accessible bus route'
  ),
  trustFormats: cite(
    'TRUST',
    'This may involve to providing information in different formats for example in different languages, in audio, in braille or in an easy read version with pictures.'
  ),
  lscOnePerson: cite('LSC', 'An event/focus group session should continue even if only one person turns up.'),
  trustTranslation: cite('TRUST', 'take advice from community leaders about translating written material.')
} as const satisfies Readonly<Record<string, Citation>>;

/** The name of a cited line. */
export type CitationId = keyof typeof CITATIONS;
