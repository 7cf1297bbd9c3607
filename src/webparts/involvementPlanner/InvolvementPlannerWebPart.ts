import * as React from 'react';
import { PlannerApp } from '../../ui';
import { BaseInvolvementWebPart } from '../shared/BaseInvolvementWebPart';

/** The Involvement planner web part, for project leads: "My plans" and the guide through the planning template. */
export default class InvolvementPlannerWebPart extends BaseInvolvementWebPart {
  protected screen(): React.ReactElement {
    return React.createElement(PlannerApp);
  }
}
