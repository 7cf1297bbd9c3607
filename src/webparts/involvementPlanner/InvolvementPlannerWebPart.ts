import * as React from 'react';
import { MyPlans } from '../../ui';
import { BaseInvolvementWebPart } from '../shared/BaseInvolvementWebPart';

/** The Involvement planner web part, for project leads: starts on "My plans". */
export default class InvolvementPlannerWebPart extends BaseInvolvementWebPart {
  protected screen(): React.ReactElement {
    return React.createElement(MyPlans);
  }
}
