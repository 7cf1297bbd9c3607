import * as React from 'react';
// Imported from its own module, not the ui index, so the bundle holds only the dashboard's screens.
import { Dashboard } from '../../ui/dashboard/Dashboard';
import { BaseInvolvementWebPart } from '../shared/BaseInvolvementWebPart';

/** The Involvement dashboard web part, for the involvement team: plans by status. */
export default class InvolvementDashboardWebPart extends BaseInvolvementWebPart {
  protected screen(): React.ReactElement {
    return React.createElement(Dashboard);
  }
}
