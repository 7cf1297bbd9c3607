import * as React from 'react';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { Loaded } from '../common/components';
import { MyPlans } from './MyPlans';
import { PlanGuide } from './PlanGuide';

const HASH = /#plan=(\d+)/;
const readHash = (): number | undefined => {
  const m = HASH.exec(window.location.hash);
  return m ? Number(m[1]) : undefined;
};

/** The open plan lives in the address (#plan=12), so a reload or a shared link returns to it. */
function useOpenPlanId(): [number | undefined, (id: number | undefined) => void] {
  const [id, setId] = React.useState(readHash);
  React.useEffect(() => {
    const onHash = (): void => setId(readHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = React.useCallback((next: number | undefined) => {
    window.location.hash = next === undefined ? '' : `plan=${next}`;
    setId(next);
  }, []);
  return [id, open];
}

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
  const [planId, setPlanId] = useOpenPlanId();
  return planId === undefined ? <MyPlans onOpen={setPlanId} /> : <OpenPlan id={planId} onBack={() => setPlanId(undefined)} />;
}
