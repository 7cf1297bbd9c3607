import * as React from 'react';
import { lazySection } from '../common/LazySection';
import { MyPlans } from './MyPlans';
import { useAddressId } from '../common/useAddressId';
import { useHost } from '../shell/host';

// The guide (the plan editor, its sections, the stakeholder map's entry point, review and
// export) is fetched when a plan is first opened: "My plans" is the first screen.
const OpenPlan = lazySection(() => import(/* webpackChunkName: "plan-guide" */ './OpenPlan').then((m) => m.OpenPlan), 'Opening the plan…');

/** The planner web part: "My plans", and the guide for the plan being worked on. */
export function PlannerApp(): JSX.Element {
  const [planId, setPlanId] = useAddressId('plan', useHost().openPlanId);
  return planId === undefined ? <MyPlans onOpen={setPlanId} /> : <OpenPlan id={planId} onBack={() => setPlanId(undefined)} />;
}
