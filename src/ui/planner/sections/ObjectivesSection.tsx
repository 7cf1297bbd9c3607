import * as React from 'react';
import { TextField, TextListField } from '../../editor/fields';

/** Objectives and decisions (PC/LSC step 2). */
export function ObjectivesSection(): JSX.Element {
  return (
    <>
      <TextField
        path="objectives.whatWeWantToUnderstand"
        label="What we want to understand"
        hint="People's experiences and what they hope for. Be specific, measurable, achievable, relevant and time-bound (SMART)."
        multiline
        required
      />
      <TextListField
        path="objectives.decisions"
        legend="Decisions this engagement will inform"
        itemLabel="Decision"
        addLabel="Add a decision"
        hint="Engagement must be able to change these decisions (Gunning principle 1)."
      />
      <TextField
        path="objectives.whoIsAffected"
        label="Who is affected"
        hint="Directly or indirectly, now or in future (step 3)."
        multiline
      />
    </>
  );
}
