/**
 * Every validation message the product can show, as a key and its en-GB text. Schemas carry
 * keys, never English; the UI shows the text. Each text names the field and says what to do.
 */
export const MESSAGES = {
  'value.invalid': 'This value is not in the right form. Check it and try again.',
  'text.tooLong': 'This is too long. Shorten it and try again.',
  'level.invalid': 'Choose a level of engagement from the list.',
  'step.invalid': 'Choose a step from the 9-step guide.',
  'status.invalid': 'This status is not one the product knows.',
  'plan.title.required': 'Add a title for the project.',
  'plan.title.tooLong': 'Shorten the project title to 255 characters or fewer.',
  'plan.currentService.required': 'Describe the current service.',
  'plan.focus.required': 'Say what this involvement will focus on.',
  'plan.existingInsight.required': 'Say what we already know, or write "none yet".',
  'plan.inScope.required': 'Say what is in scope.',
  'plan.organisation.required': 'Add the organisation leading the project.',
  'plan.systemLevel.required': 'Choose system, place or neighbourhood.',
  'plan.projectLead.required': 'Add the project lead.',
  'plan.decisionDate.required': 'Add the date the decision will be made.',
  'plan.decisionDate.invalid': 'Enter the decision date as a real date, for example 14/03/2027.',
  'plan.decisionBody.required': 'Add the body that will make the decision.',
  'plan.objectives.required': 'Say what we want to understand from this engagement.',
  'plan.decisions.required': 'Add at least one decision this engagement will inform.',
  'plan.level.required': 'Choose the level of engagement.',
  'plan.level.reasonRequired': 'Say why you chose a different level from the one recommended.',
  'plan.triage.required': 'Answer the legal triage questions.',
  'plan.timeline.required': 'Add planned start and end dates for each step.',
  'plan.timeline.endBeforeStart': 'The end date must be on or after the start date.',
  'plan.methods.required': 'Choose at least one method of engagement.',
  'plan.methods.audience.required': 'Say which audience each method is for.',
  'plan.timeline.step.required': 'Add start and end dates for this step, or say why it is not needed.',
  'plan.timeline.skipReason.required': 'Say why this step is not needed.',
  'plan.equality.impact.required': 'Say the likely impact on this group, or choose "Not known yet".',
  'plan.commsPlan.audiences.required': 'Add at least one audience with its key messages.',
  'plan.commsPlan.smartObjective.required': 'Write the objective of the communications and engagement plan.',
  'plan.notReady': 'The plan cannot be marked ready yet. Complete the items in the checklist first.',
  'plan.equality.required': 'Say how the plan affects each protected characteristic and group facing inequalities.',
  'plan.eia.required': 'Say whether the equality impact assessment has started.',
  'plan.commsPlan.keyMessages.required': 'Add key messages for each audience.',
  'plan.governance.required': 'Say who leads and who approves the plan.',
  'budget.cost.negative': 'A cost cannot be less than £0.',
  'budget.quantity.invalid': 'Enter a whole number of 1 or more.',
  'url.invalid': 'Enter a full web address starting with https://',
  'date.invalid': 'Enter a real date, for example 14/03/2027.',
  'stakeholder.name.required': "Add the stakeholder's name.",
  'stakeholder.contactBasis.required': 'Say the lawful basis for contacting this stakeholder.',
  'stakeholder.email.invalid': 'Enter an email address like name@nhs.net.',
  'stakeholder.group.noPersonalData': 'A group needs no contact details. Remove them, or change the type to person or organisation.',
  'stakeholder.kind.invalid': 'Choose person, organisation or group.',
  'stakeholder.catalogue.invalid': 'Choose a kind of stakeholder from the catalogue, or leave it empty.',
  'stakeholder.phone.invalid': 'Enter a phone number using digits, for example 0191 123 4567.',
  'stakeholder.quadrant.invalid': 'Choose a box of the grid: manage closely, keep satisfied, keep informed or monitor.',
  'plan.stakeholders.required': 'Add the people, groups and organisations this plan affects to the stakeholder map.',
  'plan.stakeholders.unplaced': 'Place every stakeholder on the power and interest grid.',
  'plan.stakeholders.gap': 'No one on the map reaches this group. Add a stakeholder who does, or say what you will do about it.',
  'plan.stakeholders.noMethod':
    'Stakeholders reach this group, but no method is planned for them. Add a method, or say what you will do about it.',
  'plan.outOfScope.required': 'Say what is not in scope, or write "nothing is out of scope".',
  'plan.clinicalLead.required': 'Add the senior clinical lead for the project.',
  'plan.budget.required': 'Add the budget for the engagement. If there is no cost, add a line at £0 saying so.',
  'plan.evaluation.required':
    'Add at least one measure with its desired outcome, to say how the engagement will be evaluated and reviewed.',
  'plan.levelFactor.contribution.required':
    'Say what you want from people: information, their views, their ideas, co-design or their decision.',
  'plan.levelFactor.stage.required': 'Say how far the change has got.',
  'plan.levelFactor.reach.required': 'Say how many people, and how wide a range of people, the change affects.',
  'plan.levelFactor.resources.required': 'Say whether the money, people and time for the engagement are agreed.',
  'plan.level.belowLegalFloor':
    'Formal consultation is likely or possible, so choose Consult or a higher level. If an answer above is wrong, change it.',
  'plan.timeline.preConsultation.required':
    'Plan pre-consultation engagement (step 4c): formal consultation is likely or possible, and pre-engagement must come before it.',
  'plan.stakeholders.healthwatch': 'Add Healthwatch to the stakeholder map, or say why it is not involved.',
  'plan.stakeholders.localAuthority':
    'Add the local authority (the council, its scrutiny committee or social services) to the stakeholder map, or say why not.',
  'settings.planningLeadWeeks.invalid': 'Enter the weeks of planning before speaking to people as a whole number from 1 to 52.',
  'settings.planningLeadWeeks.longerThanProgramme':
    'The weeks of planning must be shorter than the shortest engagement programme. Lower the weeks or raise the months.',
  'settings.engagementMinimumMonths.invalid': 'Enter the shortest engagement programme as a whole number of months from 1 to 24.',
  'settings.consultationProgrammeMinimumMonths.invalid':
    'Enter the shortest formal consultation programme as a whole number of months from 1 to 36.',
  'settings.consultationProgramme.belowEngagement':
    'A formal consultation programme cannot be shorter than an engagement programme without one. Raise it, or lower the engagement months.',
  'settings.consultationMinimumWeeks.invalid': 'Enter the shortest formal consultation as a whole number of weeks from 1 to 52.',
  'settings.proposedConsultationWeeks.invalid': 'Enter the length of a proposed consultation as a whole number of weeks from 1 to 52.',
  'settings.proposedConsultation.belowMinimum':
    'A proposed consultation cannot be shorter than the shortest consultation allowed. Raise it, or lower the shortest consultation.',
  'settings.reportDueWeeksAfterClose.invalid':
    'Enter the weeks to publish the report as a whole number from 2 to 52: analysis and reporting take at least 2 weeks.',
  'settings.holiday.name.required': 'Give the holiday period a name, for example "School summer holidays".',
  'settings.holiday.date.invalid': 'Enter the day and month as MM-DD, for example 12-20 for 20 December.',
  'settings.holidayPeriods.tooMany': 'Add no more than 20 holiday periods.',
  'settings.bankHolidayRegion.invalid': 'Choose England and Wales, Scotland or Northern Ireland.',
  'settings.ladderShown.invalid': "Choose which toolkit's ladder of engagement to show.",
  'record.invalid': 'The record of the advice given at submission could not be read.',
  'history.comment.required': 'Add a comment saying what needs to change.',
  'transition.notAllowed': 'A plan cannot move from this status to that one.',
  'transition.notYourRole': 'Only the involvement team can do this.',
  'transition.notLeadRole': "Only the plan's project lead can do this.",
  'transition.needsLeadAndLevel': 'Assign an involvement lead and confirm the level of engagement before accepting.',
  'transition.needsScoping': 'Book the scoping meeting first.',
  'after.count.invalid': 'Enter a whole number of 0 or more.',
  'after.activity.title.required': 'Say what the activity was, for example "Drop-in at Hexham library".',
  'after.activity.start.required': 'Enter the date the activity took place, for example 14/03/2027.',
  'after.activity.method.required': 'Choose the method used.',
  'after.activity.endBeforeStart': 'The last day must be on or after the first day.',
  'after.activity.reachedAboveParticipants': 'This is more than the number of people who took part. Check the numbers.',
  'after.cost.invalid': 'Enter the cost in pounds, £0 or more.',
  'after.cost.linesDoNotAddUp': 'The costs against the budget lines do not add up to the actual cost. Check the amounts.',
  'after.cost.lineTwice': 'A budget line has two amounts. Enter one amount for each line.',
  'settings.retentionLabel.invalid':
    'Enter the retention label’s name exactly as it is in Microsoft Purview: up to 64 characters, without < > % & \\ / : * ? " | # { } or ~.',
  'after.response.text.required': 'Write what the person said.',
  'after.response.text.tooLong': 'This response is longer than 8,000 characters. Shorten it or split it into two.',
  'after.theme.name.required': 'Give the theme a short name, for example "Parking".',
  'after.quote.personalData': 'Remove email addresses and phone numbers from quotes: quotes are stored without personal details.',
  'after.trace.finding.required': 'Say what was found.',
  'after.trace.whyNot.required': 'Say why this cannot change: people must be told what could not change, and why.',
  'after.trace.whatChanges.required': 'Say what will change because of this finding.',
  'after.rating.agreedAboveAsked': 'More people agreed than were asked. Check the numbers.',
  'transition.needsDeliveryRecord':
    'Record the activities that took place, how many people took part and the date the engagement closed, before moving to reporting.',
  'transition.needsClosingRecord':
    'Complete the report, "you said, we did" and the evaluation before closing the plan. The list below says what is missing.',
  'transition.needsEvaluation': 'Say how the engagement was evaluated and how people were told what changed, before closing the plan.'
} as const;

/** A validation message key. */
export type MessageKey = keyof typeof MESSAGES;

/** The en-GB text for a key; an unknown key (from old or corrupted data) falls back to a general message. */
export function messageText(key: string): string {
  return (MESSAGES as Readonly<Record<string, string>>)[key] ?? MESSAGES['value.invalid'];
}

/** True when `key` is one of the product's message keys. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}
