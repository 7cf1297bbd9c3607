import * as React from 'react';
import { PropertyPaneChoiceGroup, type IPropertyPaneField } from '@microsoft/sp-property-pane';
// Imported from its own module, not the ui index, so the bundle holds only the dashboard's screens.
import { Dashboard } from '../../ui/dashboard/Dashboard';
import { lazySection } from '../../ui/common/LazySection';
import { BaseInvolvementWebPart } from '../shared/BaseInvolvementWebPart';

// A channel tab set to show the planner (team-level plans) loads the planner's code only then.
const TeamPlanner = lazySection(
  () => import(/* webpackChunkName: "team-planner" */ '../../ui/planner/PlannerApp').then((m) => m.PlannerApp),
  'Loading the planner…'
);

/**
 * The Involvement dashboard web part, for the involvement team: plans by status. It is also the
 * app's one configurable Teams channel tab (Teams allows one per app), so a team can set the tab
 * to show the planner instead, for plans the team writes together.
 */
export default class InvolvementDashboardWebPart extends BaseInvolvementWebPart {
  protected screen(): React.ReactElement {
    return this.properties.view === 'planner' ? React.createElement(TeamPlanner) : React.createElement(Dashboard);
  }

  protected extraFields(): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneChoiceGroup('view', {
        label: 'What this shows',
        options: [
          { key: 'dashboard', text: 'The involvement dashboard (for the involvement team)', checked: this.properties.view !== 'planner' },
          { key: 'planner', text: 'The planner (plans written by this team)', checked: this.properties.view === 'planner' }
        ]
      })
    ];
  }
}
