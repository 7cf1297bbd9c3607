import type { CitationId } from './citations';
import type { SourceId } from './sources';

/** A legal duty a plan must have regard to, and what it asks, in plain words. */
export interface LegalDuty {
  readonly id: 's242' | 's244' | 's14Z45' | 's13G-s14Z35' | 'psed';
  readonly title: string;
  /** Which organisations it applies to. */
  readonly appliesTo: string;
  /** What it asks of the organisation. */
  readonly asks: readonly string[];
  readonly sources: readonly SourceId[];
  readonly citations: readonly CitationId[];
}

/** The legal duties behind involvement (DOMAIN.md §5; TRUST "Legal Context", NENC). */
export const LEGAL_DUTY_GUIDANCE: readonly LegalDuty[] = [
  {
    id: 's242',
    title: 'NHS Act 2006, section 242: the duty to involve users of services',
    appliesTo: 'NHS trusts and other NHS providers',
    asks: [
      'Involve the people who use the services, or their representatives, in planning and providing services.',
      'Involve them in developing and considering changes to the way services are provided.',
      'Involve them in decisions that affect how services operate.',
      "Have regard to the Secretary of State's guidance on the duty."
    ],
    sources: ['TRUST', 'NENC'],
    citations: ['trustS242']
  },
  {
    id: 's14Z45',
    title: 'NHS Act 2006, section 14Z45: the duty of integrated care boards to involve the public',
    appliesTo: 'Integrated care boards (ICBs)',
    asks: [
      'Make arrangements so that the people who use or may use services, and their carers and representatives, are involved: by being consulted, by being given information, or in other ways.',
      'Involve them in planning the commissioning arrangements.',
      'Involve them in developing and considering proposals for changes that would affect how services are delivered to them, or the range of services available.',
      'Involve them in decisions that would have such an effect.'
    ],
    sources: ['NENC'],
    citations: ['nencS14Z45']
  },
  {
    id: 's244',
    title: 'NHS Act 2006, section 244, and regulation 23 of the 2013 health scrutiny regulations: consulting the local authority',
    appliesTo: 'Any NHS body with a proposal for a substantial development or variation of the health service in a local authority’s area',
    asks: [
      'Consult the local authority (its health overview and scrutiny committee).',
      'Give it the proposed decision date and the date by which its comments are needed; tell it of any change; publish the dates.',
      'If the decision must be taken without time to consult because of a risk to safety or welfare, tell the local authority and the reason why there was no consultation.',
      'If you disagree, tell the local authority and both try to reach agreement; the local authority may report to the Secretary of State.',
      'Where a commissioner arranges the service, the commissioner carries out the duty.'
    ],
    sources: ['TRUST'],
    citations: ['trustS244', 'trustSubstantialVariation', 'trustUrgentExemption', 'trustDisagreement', 'trustCommissioner']
  },
  {
    id: 's13G-s14Z35',
    title: 'NHS Act 2006, sections 13G and 14Z35: reducing health inequalities',
    appliesTo: 'NHS England (13G) and integrated care boards (14Z35)',
    asks: [
      'Have regard to the need to reduce inequalities between people in access to health services and in the outcomes they achieve.',
      'Understand the needs of people experiencing health inequalities, and work with them to reduce barriers to access.'
    ],
    sources: ['NENC'],
    citations: ['nencS13G']
  },
  {
    id: 'psed',
    title: 'Equality Act 2010: the public sector equality duty',
    appliesTo: 'Every NHS body, whenever it exercises any of its functions',
    asks: [
      'Have due regard to the need to eliminate discrimination, harassment and victimisation, advance equality of opportunity, and foster good relations.',
      'Remove or minimise disadvantage to people who share a protected characteristic, meet their needs and encourage them to take part.',
      'Meet the duty before or at the time a policy is considered: understand the likely impact of the proposed change on people with protected characteristics.'
    ],
    sources: ['TRUST', 'NENC'],
    citations: ['trustPsed', 'trustPsedTiming', 'nencEqualityAct']
  }
];

/** Legal duties a plan must have regard to, one line each (for exports and summaries). */
export const LEGAL_DUTIES: readonly string[] = LEGAL_DUTY_GUIDANCE.map((d) => d.title);

/** One point of the accessibility checklist, with the toolkit it comes from. */
export interface AccessibilityPoint {
  readonly text: string;
  readonly sources: readonly SourceId[];
  readonly citation: CitationId;
}

/** Accessibility of materials and events (DOMAIN.md §7; LSC, NENC, TRUST). */
export const ACCESSIBILITY_GUIDANCE: readonly AccessibilityPoint[] = [
  { text: 'Plain English at a reading age of about 10, in Arial', sources: ['LSC'], citation: 'lscReadingAge' },
  { text: 'Easy read versions of documents, surveys and results reports', sources: ['NENC', 'TRUST'], citation: 'nencEasyRead' },
  { text: 'A British Sign Language interpreter, including at online events', sources: ['NENC'], citation: 'nencBsl' },
  { text: 'Translations into community languages, with advice from community leaders', sources: ['TRUST'], citation: 'trustTranslation' },
  { text: 'Audio and braille versions where people need them', sources: ['TRUST'], citation: 'trustFormats' },
  {
    text: 'Venues on public transport routes, step-free and wheelchair-accessible, with hearing loops',
    sources: ['LSC', 'NENC'],
    citation: 'lscVenues'
  },
  { text: 'Avoid evening events during Ramadan, and Fridays', sources: ['NENC'], citation: 'nencRamadan' },
  { text: 'Events go ahead even if only one person comes', sources: ['LSC', 'PC'], citation: 'lscOnePerson' }
];

/** The accessibility checklist as plain lines. */
export const ACCESSIBILITY_CHECKLIST: readonly string[] = ACCESSIBILITY_GUIDANCE.map((p) => p.text);
