// What the first screens read with zod — the plan lists ("My plans", the dashboard's counts and
// queue) and the involvement settings — in one chunk of its own, fetched at start-up alongside
// the lists check (composeServices), so zod is not in the web parts' first chunks.
export { SpPlanSummaries } from './SpPlanSummaries';
export { SpStatusTally } from './SpStatusTally';
export { SpInvolvementSettingsStore } from './SpInvolvementSettingsStore';
export { DEFAULT_SETTINGS } from '../../domain/settings';
