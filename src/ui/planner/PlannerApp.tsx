import * as React from 'react';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { Loaded } from '../common/components';
import { MyPlans } from './MyPlans';
import { PlanGuide } from './PlanGuide';
import { useAddressId } from '../common/useAddressId';
import { useHost } from '../shell/host';
import { lazySection } from '../common/LazySection';

/** After engagement: its code loads only when a plan in a later status is opened. */
const AfterEngagementSection = lazySection(
  () => import(/* webpackChunkName: "after-engagement" */ '../after/AfterEngagement').then((m) => m.AfterEngagement),
  'Loading the engagement record…'
);
const LATER_STATUSES: readonly string[] = ['accepted', 'inDelivery', 'reporting', 'closed'];

function OpenPlan({ id, onBack }: { id: number; onBack(): void }): JSX.Element {
  const { plans } = useServices();
  const load = React.useCallback(() => plans.get(id), [plans, id]);
  const [state, reload] = useAsync(load);
  return (
    <Loaded state={state} label="Opening the plan…" onRetry={reload}>
      {(plan) => (
        <>
          {LATER_STATUSES.includes(plan.status) && <AfterEngagementSection plan={plan} onChanged={reload} />}
          <PlanGuide key={`${plan.id}-${plan.status}`} plan={plan} onBack={onBack} onReload={reload} />
        </>
      )}
    </Loaded>
  );
}

/** The planner web part: "My plans", and the guide for the plan being worked on. */
export function PlannerApp(): JSX.Element {
  const [planId, setPlanId] = useAddressId('plan', useHost().openPlanId);
  return planId === undefined ? <MyPlans onOpen={setPlanId} /> : <OpenPlan id={planId} onBack={() => setPlanId(undefined)} />;
}
