export { AppShell, type AppShellProps } from './AppShell';
export { MyPlans } from './screens/MyPlans';
export { Dashboard } from './screens/Dashboard';
export { fromTeamsTheme, type HostTheme } from './theme';
export type { Services } from './services';
