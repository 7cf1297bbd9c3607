import * as React from 'react';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { Loaded } from '../common/components';
import { MyPlans } from './MyPlans';
import { PlanGuide } from './PlanGuide';
import { useAddressId } from '../common/useAddressId';
import { useHost } from '../shell/host';

function OpenPlan({ id, onBack }: { id: number; onBack(): void }): JSX.Element {
  const { plans } = useServices();
  const load = React.useCallback(() => plans.get(id), [plans, id]);
  const [state, reload] = useAsync(load);
  return (
    <Loaded state={state} label="Opening the plan…" onRetry={reload}>
      {(plan) => <PlanGuide key={`${plan.id}-${plan.status}`} plan={plan} onBack={onBack} onReload={reload} />}
    </Loaded>
  );
}

/** The planner web part: "My plans", and the guide for the plan being worked on. */
export function PlannerApp(): JSX.Element {
  const [planId, setPlanId] = useAddressId('plan', useHost().openPlanId);
  return planId === undefined ? <MyPlans onOpen={setPlanId} /> : <OpenPlan id={planId} onBack={() => setPlanId(undefined)} />;
}
