import * as React from 'react';
import { Dashboard } from '../../ui';
import { BaseInvolvementWebPart } from '../shared/BaseInvolvementWebPart';

/** The Involvement dashboard web part, for the involvement team: plans by status. */
export default class InvolvementDashboardWebPart extends BaseInvolvementWebPart {
  protected screen(): React.ReactElement {
    return React.createElement(Dashboard);
  }
}
