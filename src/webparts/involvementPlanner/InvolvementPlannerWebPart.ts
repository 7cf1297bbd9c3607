import * as React from 'react';
// Imported from its own module, not the ui index, so the bundle holds only the planner's screens.
import { PlannerApp } from '../../ui/planner/PlannerApp';
import { BaseInvolvementWebPart } from '../shared/BaseInvolvementWebPart';

/** The Involvement planner web part, for project leads: "My plans" and the guide through the planning template. */
export default class InvolvementPlannerWebPart extends BaseInvolvementWebPart {
  // "My plans" is read with the start-up reads: one round trip fewer before it shows.
  protected readonly firstScreen = 'myPlans' as const;

  protected screen(): React.ReactElement {
    return React.createElement(PlannerApp);
  }
}
