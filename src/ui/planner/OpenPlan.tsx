import * as React from 'react';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { Loaded } from '../common/components';
import { lazySection } from '../common/LazySection';
import { PlanGuide } from './PlanGuide';

/** After engagement: its code loads only when a plan in a later status is opened. */
const AfterEngagementSection = lazySection(
  () => import(/* webpackChunkName: "after-engagement" */ '../after/AfterEngagement').then((m) => m.AfterEngagement),
  'Loading the engagement record…'
);
const LATER_STATUSES: readonly string[] = ['accepted', 'inDelivery', 'reporting', 'closed'];

/** Props for {@link OpenPlan}. */
export type OpenPlanProps = { id: number; onBack(): void };

/** One plan, read and shown in the guide (loaded on demand: "My plans" does not need the guide's code). */
export function OpenPlan({ id, onBack }: OpenPlanProps): JSX.Element {
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
