import type { ConsultationTriage, TriageQuestion } from './plan';

/** How likely a legal step is, from the lead's answers. */
export type Likelihood = 'likely' | 'possible' | 'unlikely';

/** One reason behind a triage outcome, in plain words, with the guidance it comes from. */
export interface TriageReason {
  readonly text: string;
  readonly source: string;
}

/** The legal triage of a plan: formal consultation, health scrutiny, Secretary of State notification. */
export interface TriageOutcome {
  readonly formalConsultation: { likelihood: Likelihood; reasons: TriageReason[] };
  readonly healthScrutiny: { likelihood: Likelihood; reasons: TriageReason[] };
  readonly secretaryOfStateNotification: { likelihood: Likelihood; reasons: TriageReason[] };
  /** Questions not yet answered; the outcome may change once they are. */
  readonly unanswered: TriageQuestion[];
}

/** The plain-English question shown to the lead for each triage answer (DOMAIN.md §4–§5). */
export const TRIAGE_QUESTION_TEXT: Readonly<Record<TriageQuestion, string>> = {
  largeOrComplex: 'Is the change large or complex, for example strategic change across several services?',
  changesWhatWhereOrHow: 'Does it change what services are provided, where, or how?',
  serviceWithdrawn: 'Will a service be withdrawn completely, reduced or decommissioned?',
  relocationWithDisruption: 'Will a service move to another place, causing considerable disruption to people?',
  cohortDisadvantaged: 'Could a group of people be unfairly disadvantaged?',
  substantialVariation: 'Is it a substantial development or variation of the health service in the area?',
  temporaryOrPilot: 'Is the change temporary, or a pilot?',
  urgent: 'Is the change urgent?',
  riskToSafetyOrWelfare: 'Is there a risk to the safety or welfare of patients or staff if the change is delayed?',
  sensitive: 'Is the subject sensitive or likely to be contentious?'
};

const yes = (t: ConsultationTriage, q: TriageQuestion): boolean => t[q] === 'yes';
const unsure = (t: ConsultationTriage, q: TriageQuestion): boolean => t[q] === 'unsure';

function likelihood(certain: boolean, maybe: boolean): Likelihood {
  if (certain) return 'likely';
  return maybe ? 'possible' : 'unlikely';
}

/**
 * Decide which legal steps are likely (DOMAIN.md §5):
 * - formal consultation: a service withdrawn, a move with considerable disruption, or a cohort
 *   unfairly disadvantaged (NENC); substantial variation also points to it (TRUST);
 * - health scrutiny: a substantial development or variation means consulting the local
 *   authority (TRUST, reg 23), unless an urgent risk to safety or welfare justifies deciding
 *   first — the authority must still be told why (TRUST);
 * - Secretary of State notification: when the duty to consult the scrutiny committee applies;
 *   temporary changes are not notifiable (NENC).
 */
export function assessConsultation(triage: ConsultationTriage): TriageOutcome {
  const unanswered = (Object.keys(triage) as TriageQuestion[]).filter((q) => triage[q] === null);

  const formalReasons: TriageReason[] = [];
  if (yes(triage, 'serviceWithdrawn'))
    formalReasons.push({
      text: 'A service is being withdrawn, reduced or decommissioned. This almost certainly needs formal consultation, after pre-consultation engagement.',
      source: 'NENC'
    });
  if (yes(triage, 'relocationWithDisruption'))
    formalReasons.push({ text: 'A service is moving to another place with considerable disruption to people.', source: 'NENC' });
  if (yes(triage, 'cohortDisadvantaged'))
    formalReasons.push({ text: 'A group of people could be unfairly disadvantaged.', source: 'NENC' });
  if (yes(triage, 'substantialVariation'))
    formalReasons.push({
      text: 'It is a substantial variation, so the public and the local authority must be consulted.',
      source: 'TRUST'
    });
  const formalQuestions = ['serviceWithdrawn', 'relocationWithDisruption', 'cohortDisadvantaged', 'substantialVariation'] as const;
  const formalCertain = formalReasons.length > 0;
  const formalMaybe = formalQuestions.some((q) => unsure(triage, q));
  if (!formalCertain && formalMaybe)
    formalReasons.push({
      text: 'You are not sure whether a service is withdrawn, moved or a group disadvantaged. Talk to the involvement team.',
      source: 'NENC'
    });

  const scrutinyReasons: TriageReason[] = [];
  const urgentRisk = yes(triage, 'urgent') && yes(triage, 'riskToSafetyOrWelfare');
  if (yes(triage, 'substantialVariation')) {
    scrutinyReasons.push({
      text: 'A substantial variation means consulting the local authority health scrutiny committee, giving the proposed decision date and the date comments are needed.',
      source: 'TRUST'
    });
    if (urgentRisk)
      scrutinyReasons.push({
        text: 'An urgent risk to safety or welfare may justify deciding before consulting, but the local authority must still be told why.',
        source: 'TRUST'
      });
  } else if (unsure(triage, 'substantialVariation')) {
    scrutinyReasons.push({
      text: 'You are not sure whether this is a substantial variation. Ask the local authority scrutiny officer early.',
      source: 'TRUST'
    });
  }

  const sosReasons: TriageReason[] = [];
  const temporary = yes(triage, 'temporaryOrPilot');
  if (yes(triage, 'substantialVariation') && !temporary)
    sosReasons.push({
      text: 'The duty to consult the scrutiny committee applies, so the change is notifiable to the Secretary of State.',
      source: 'NENC'
    });
  if (yes(triage, 'substantialVariation') && temporary)
    sosReasons.push({ text: 'Temporary changes are not notifiable to the Secretary of State.', source: 'NENC' });

  return {
    formalConsultation: { likelihood: likelihood(formalCertain, formalMaybe), reasons: formalReasons },
    healthScrutiny: {
      likelihood: likelihood(yes(triage, 'substantialVariation'), unsure(triage, 'substantialVariation')),
      reasons: scrutinyReasons
    },
    secretaryOfStateNotification: {
      likelihood: likelihood(
        yes(triage, 'substantialVariation') && !temporary,
        unsure(triage, 'substantialVariation') || (yes(triage, 'substantialVariation') && unsure(triage, 'temporaryOrPilot'))
      ),
      reasons: sosReasons
    },
    unanswered
  };
}
