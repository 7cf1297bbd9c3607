import type { SourceId } from './sources';

/** An entry of a reference list, with a stable id stored in SharePoint and the source it comes from. */
export interface ReferenceEntry<Id extends string> {
  readonly id: Id;
  readonly name: string;
  readonly sources: readonly SourceId[];
}

// ---------------------------------------------------------------------------------------------
// Methods (DOMAIN.md §7; NENC methods table lines 275–320, TRUST)
// ---------------------------------------------------------------------------------------------

export const METHOD_IDS = [
  'survey',
  'focus-group',
  'interview',
  'co-production-event',
  'community-outreach',
  'public-meeting',
  'pop-up-stall',
  'lived-experience',
  'leaflets-posters',
  'social-media',
  'drop-in',
  'digital-forum',
  'formal-written-consultation'
] as const;
/** A method of engagement from the catalogue. */
export type MethodId = (typeof METHOD_IDS)[number];

/** A method of engagement: what it is good for and what to plan for access. */
export interface EngagementMethod extends ReferenceEntry<MethodId> {
  readonly goodFor: string;
  readonly accessibilityNotes: string;
}

/** The methods catalogue. Sources: NENC methods table, TRUST, LSC accessibility. */
export const ENGAGEMENT_METHODS: readonly EngagementMethod[] = [
  {
    id: 'survey',
    name: 'Survey (online or paper)',
    goodFor: 'Detailed views on feelings, thoughts and opinions from many people.',
    accessibilityNotes: 'Offer paper, easy read and translated copies; budget for return postage and data input.',
    sources: ['NENC', 'TRUST']
  },
  {
    id: 'focus-group',
    name: 'Focus group or workshop',
    goodFor: 'A small group discussing agreed topics in depth.',
    accessibilityNotes: 'Needs an information sheet, consent form and discussion guide. Step-free venue with a hearing loop.',
    sources: ['NENC', 'TRUST']
  },
  {
    id: 'interview',
    name: 'Interview or conversation',
    goodFor: "Exploring one person's experience in depth.",
    accessibilityNotes: 'Needs an information sheet and agreed questions. Offer an interpreter or BSL.',
    sources: ['NENC']
  },
  {
    id: 'co-production-event',
    name: 'Co-production event',
    goodFor: 'Designing a service as equal partners with people who use it.',
    accessibilityNotes: 'Plan for months, not weeks. Pay expenses so people are not out of pocket.',
    sources: ['NENC', 'LSC']
  },
  {
    id: 'community-outreach',
    name: 'Community engagement or outreach',
    goodFor: 'Reaching people where they already meet, through trusted community organisations.',
    accessibilityNotes: 'Fund trusted organisations to partner with you (about £200 per focus group).',
    sources: ['NENC']
  },
  {
    id: 'public-meeting',
    name: 'Public meeting or event',
    goodFor: 'Sharing and collecting information with many people at once.',
    accessibilityNotes: 'Accessible venue on a bus route, ramps, hearing loop. Avoid evenings in Ramadan and Fridays.',
    sources: ['NENC', 'TRUST']
  },
  {
    id: 'pop-up-stall',
    name: 'Pop-up stall',
    goodFor: 'Meeting people in public places such as shopping centres.',
    accessibilityNotes: 'Bring easy read and translated materials.',
    sources: ['NENC']
  },
  {
    id: 'lived-experience',
    name: 'People with lived experience and patient stories',
    goodFor: 'Bringing recent, relevant experience of services into planning and decisions.',
    accessibilityNotes: 'Record stories with consent; support people to take part.',
    sources: ['NENC']
  },
  {
    id: 'leaflets-posters',
    name: 'Leaflets and posters',
    goodFor: 'Telling people about the engagement in community venues, GP surgeries and pharmacies.',
    accessibilityNotes: 'Plain English, Arial, easy read versions.',
    sources: ['NENC', 'LSC']
  },
  {
    id: 'social-media',
    name: 'Social media',
    goodFor: 'Getting information out and two-way conversation; targeted adverts reach specific groups.',
    accessibilityNotes: 'Add captions to video and alt text to images; not everyone is online.',
    sources: ['NENC']
  },
  {
    id: 'drop-in',
    name: 'Drop-in session',
    goodFor: 'Letting people come when it suits them to talk and ask questions.',
    accessibilityNotes: 'Step-free venue; vary times of day.',
    sources: ['TRUST']
  },
  {
    id: 'digital-forum',
    name: 'Online forum',
    goodFor: 'Ongoing discussion with people who prefer to take part online.',
    accessibilityNotes: 'Check it works with screen readers; offer another way to take part.',
    sources: ['TRUST']
  },
  {
    id: 'formal-written-consultation',
    name: 'Formal written consultation',
    goodFor: 'A formal public consultation with a consultation document and response form.',
    accessibilityNotes: 'Easy read, translations and BSL versions of the document; allow enough time.',
    sources: ['TRUST']
  }
];

// ---------------------------------------------------------------------------------------------
// Budget items (DOMAIN.md §7; NENC lines 259–268, LSC)
// ---------------------------------------------------------------------------------------------

export const BUDGET_ITEM_IDS = [
  'expenses',
  'vcse-focus-group',
  'interpreter',
  'room-hire',
  'printing',
  'return-postage',
  'data-input',
  'social-media-promotion',
  'analysis-report',
  'leaflets',
  'advertising'
] as const;
/** A cost item from the NHS budget list. */
export type BudgetItemId = (typeof BUDGET_ITEM_IDS)[number];

/** A budget cost item and its default unit cost in pounds (0 where the guidance gives no figure). */
export interface BudgetItem extends ReferenceEntry<BudgetItemId> {
  readonly defaultUnitCostGbp: number;
  readonly unit: string;
}

/** Contribution to a VCSE organisation for an asset-based focus group (NENC: "approximately £200"). */
export const VCSE_FOCUS_GROUP_COST_GBP = 200;

/** Budget items. Only the VCSE focus group has a figure in the guidance; the rest start at £0 for the lead to fill in. */
export const BUDGET_ITEMS: readonly BudgetItem[] = [
  { id: 'expenses', name: 'Expenses for participants (travel, parking)', defaultUnitCostGbp: 0, unit: 'per person', sources: ['NENC'] },
  {
    id: 'vcse-focus-group',
    name: 'Contribution to a VCSE organisation for a focus group',
    defaultUnitCostGbp: VCSE_FOCUS_GROUP_COST_GBP,
    unit: 'per focus group',
    sources: ['NENC']
  },
  { id: 'interpreter', name: 'Interpreter', defaultUnitCostGbp: 0, unit: 'per session', sources: ['NENC'] },
  { id: 'room-hire', name: 'Room hire, refreshments and meeting costs', defaultUnitCostGbp: 0, unit: 'per event', sources: ['NENC'] },
  {
    id: 'printing',
    name: 'Printing of paper surveys, leaflets and posters',
    defaultUnitCostGbp: 0,
    unit: 'per print run',
    sources: ['NENC']
  },
  { id: 'return-postage', name: 'Return postage for surveys', defaultUnitCostGbp: 0, unit: 'per survey', sources: ['NENC'] },
  { id: 'data-input', name: 'Data input of paper surveys', defaultUnitCostGbp: 0, unit: 'per batch', sources: ['NENC'] },
  { id: 'social-media-promotion', name: 'Social media promotion', defaultUnitCostGbp: 0, unit: 'per campaign', sources: ['NENC'] },
  { id: 'analysis-report', name: 'Analysis and report writing', defaultUnitCostGbp: 0, unit: 'per report', sources: ['NENC'] },
  { id: 'leaflets', name: 'Leaflets', defaultUnitCostGbp: 0, unit: 'per print run', sources: ['LSC'] },
  { id: 'advertising', name: 'Advertising', defaultUnitCostGbp: 0, unit: 'per advert', sources: ['LSC'] }
];

// ---------------------------------------------------------------------------------------------
// Stakeholder catalogue (DOMAIN.md §8; TRUST Appendix 2, NENC, SUF)
// ---------------------------------------------------------------------------------------------

export const STAKEHOLDER_CATALOGUE_IDS = [
  'staff',
  'patients',
  'carers',
  'local-mps',
  'gps-ppgs',
  'community-organisations',
  'minority-ethnic-groups',
  'vcse-groups',
  'other-trusts',
  'mental-health-organisations',
  'social-services',
  'local-strategic-partnerships',
  'local-councils',
  'hosc',
  'healthwatch',
  'disease-specific-groups',
  'older-peoples-groups',
  'young-peoples-groups',
  'hospital-charities',
  'volunteers',
  'media',
  'wider-public'
] as const;
/** A kind of stakeholder from the catalogue. */
export type StakeholderCatalogueId = (typeof STAKEHOLDER_CATALOGUE_IDS)[number];

/** The stakeholder catalogue a lead picks from (TRUST Appendix 2, NENC, SUF). */
export const STAKEHOLDER_CATALOGUE: readonly ReferenceEntry<StakeholderCatalogueId>[] = [
  { id: 'staff', name: 'Staff', sources: ['TRUST', 'NENC'] },
  { id: 'patients', name: 'Patients', sources: ['TRUST', 'NENC', 'SUF'] },
  { id: 'carers', name: 'Carers', sources: ['TRUST', 'NENC', 'SUF'] },
  { id: 'local-mps', name: 'Local MPs', sources: ['TRUST'] },
  { id: 'gps-ppgs', name: 'GPs and patient participation groups', sources: ['TRUST', 'NENC', 'SUF'] },
  { id: 'community-organisations', name: 'Community organisations', sources: ['TRUST', 'NENC'] },
  { id: 'minority-ethnic-groups', name: 'Minority ethnic groups', sources: ['TRUST'] },
  { id: 'vcse-groups', name: 'Voluntary, community and social enterprise (VCSE) groups', sources: ['TRUST', 'NENC', 'SUF'] },
  { id: 'other-trusts', name: 'Other NHS trusts', sources: ['TRUST'] },
  { id: 'mental-health-organisations', name: 'Mental health organisations', sources: ['TRUST'] },
  { id: 'social-services', name: 'Social services', sources: ['TRUST'] },
  { id: 'local-strategic-partnerships', name: 'Local strategic partnerships', sources: ['TRUST'] },
  { id: 'local-councils', name: 'Local councils', sources: ['TRUST', 'SUF'] },
  { id: 'hosc', name: 'Health overview and scrutiny committee', sources: ['TRUST', 'NENC'] },
  { id: 'healthwatch', name: 'Healthwatch', sources: ['TRUST', 'NENC', 'SUF', 'LSC'] },
  { id: 'disease-specific-groups', name: 'Disease-specific groups', sources: ['TRUST'] },
  { id: 'older-peoples-groups', name: "Older people's groups", sources: ['TRUST'] },
  { id: 'young-peoples-groups', name: "Young people's groups", sources: ['TRUST'] },
  { id: 'hospital-charities', name: 'Hospital charities', sources: ['TRUST'] },
  { id: 'volunteers', name: 'Volunteers', sources: ['TRUST'] },
  { id: 'media', name: 'Media', sources: ['TRUST'] },
  { id: 'wider-public', name: 'Wider public', sources: ['TRUST', 'SUF'] }
];

// ---------------------------------------------------------------------------------------------
// Equality (DOMAIN.md §8; Equality Act 2010 via TRUST, NENC, LSC)
// ---------------------------------------------------------------------------------------------

export const PROTECTED_CHARACTERISTIC_IDS = [
  'age',
  'disability',
  'gender-reassignment',
  'marriage-civil-partnership',
  'pregnancy-maternity',
  'race',
  'religion-belief',
  'sex',
  'sexual-orientation'
] as const;
/** One of the nine protected characteristics of the Equality Act 2010. */
export type ProtectedCharacteristicId = (typeof PROTECTED_CHARACTERISTIC_IDS)[number];

/** The nine protected characteristics (Equality Act 2010; TRUST, NENC, LSC). */
export const PROTECTED_CHARACTERISTICS: readonly ReferenceEntry<ProtectedCharacteristicId>[] = [
  { id: 'age', name: 'Age', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'disability', name: 'Disability', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'gender-reassignment', name: 'Gender reassignment', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'marriage-civil-partnership', name: 'Marriage and civil partnership', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'pregnancy-maternity', name: 'Pregnancy and maternity', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'race', name: 'Race', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'religion-belief', name: 'Religion or belief', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'sex', name: 'Sex', sources: ['TRUST', 'NENC', 'LSC'] },
  { id: 'sexual-orientation', name: 'Sexual orientation', sources: ['TRUST', 'NENC', 'LSC'] }
];

export const INEQUALITY_GROUP_IDS = ['socio-economic-deprivation', 'homeless', 'carers', 'asylum-seekers-refugees'] as const;
/** A group facing health inequalities that the guidance asks plans to reach. */
export type InequalityGroupId = (typeof INEQUALITY_GROUP_IDS)[number];

/**
 * Groups facing inequalities that plans should reach, beyond the protected characteristics. The
 * list is LSC's ("socio-economic groups, homeless people, carers, asylum seekers and refugees");
 * NENC and TRUST name the protected characteristics only (DOMAIN.md §8).
 */
export const INEQUALITY_GROUPS: readonly ReferenceEntry<InequalityGroupId>[] = [
  { id: 'socio-economic-deprivation', name: 'People living with socio-economic deprivation', sources: ['LSC'] },
  { id: 'homeless', name: 'People who are homeless', sources: ['LSC'] },
  { id: 'carers', name: 'Carers', sources: ['LSC'] },
  { id: 'asylum-seekers-refugees', name: 'Asylum seekers and refugees', sources: ['LSC'] }
];

// ---------------------------------------------------------------------------------------------
// Principles, evaluation, feedback (DOMAIN.md §5, §9)
// ---------------------------------------------------------------------------------------------

/** The Gunning principles for consultation and engagement (LSC lines 74–79, NENC). */
export const GUNNING_PRINCIPLES: readonly ReferenceEntry<
  'formative' | 'sufficient-reasons' | 'adequate-time' | 'conscientious-consideration'
>[] = [
  { id: 'formative', name: 'Proposals are still at a formative stage: the decision has not already been made.', sources: ['LSC', 'NENC'] },
  {
    id: 'sufficient-reasons',
    name: 'People have enough information to give intelligent consideration, including the equality assessment from the start.',
    sources: ['LSC', 'NENC']
  },
  {
    id: 'adequate-time',
    name: 'There is enough time for people to consider and respond, and to analyse results before deciding.',
    sources: ['LSC', 'NENC']
  },
  {
    id: 'conscientious-consideration',
    name: 'Responses are conscientiously taken into account, and we can show how.',
    sources: ['LSC', 'NENC']
  }
];

/** NHS England's ten principles for working with people and communities (LSC lines 49–58, NENC). */
export const TEN_PRINCIPLES: readonly ReferenceEntry<`principle-${number}`>[] = [
  'Put the voices of people and communities at the centre of decision-making and governance.',
  'Start engagement early and feed back how it has influenced activities and decisions.',
  "Understand your community's needs, experience and aspirations, and check if change has the desired effect.",
  'Build relationships with excluded groups, especially those affected by inequalities.',
  'Work with Healthwatch and the voluntary, community and social enterprise sector as key partners.',
  'Provide clear and accessible public information about vision, plans and progress.',
  'Use community development approaches that empower people and communities.',
  'Use co-production, insight and engagement to achieve accountable health and care services.',
  'Co-produce and redesign services and tackle system priorities in partnership with people and communities.',
  'Learn from what works and build on the assets of all partners.'
].map((name, index) => ({ id: `principle-${index + 1}` as const, name, sources: ['LSC', 'NENC'] as const }));

/** Evaluation questions to ask at the end (NENC). */
export const EVALUATION_QUESTIONS: readonly string[] = [
  'Did we have clear objectives that supported wider goals?',
  'Did we reach the right people, and where were the gaps?',
  'Did we use the right messages and methods?',
  'Were the outputs and activities realistic?',
  'What did we learn, and did we feed back to people?'
];

/** Ways to feed back "you said, we did" (NENC). */
export const FEEDBACK_CHANNELS: readonly string[] = [
  'Written report',
  '"You said, we did" web page',
  'Newsletters',
  'Social media',
  'Feedback events',
  'Letters or emails to participants',
  'Easy read summary',
  'Video'
];
