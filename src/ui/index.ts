export { AppShell, type AppShellProps } from './shell/AppShell';
export { MyPlans } from './planner/MyPlans';
export { PlannerApp } from './planner/PlannerApp';
export { Dashboard } from './dashboard/Dashboard';
export { fromTeamsTheme, type HostTheme } from './shell/theme';
export type { Services } from './shell/services';
export type { HostInfo } from './shell/host';
