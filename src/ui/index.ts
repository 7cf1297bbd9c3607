export { AppShell, type AppShellProps } from './AppShell';
export { MyPlans } from './screens/MyPlans';
export { PlannerApp } from './planner/PlannerApp';
export { Dashboard } from './screens/Dashboard';
export { fromTeamsTheme, type HostTheme } from './theme';
export type { Services } from './services';
export type { HostInfo } from './host';
