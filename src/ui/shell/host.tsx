import * as React from 'react';
import type { NotificationTarget } from '../../domain';

/** What the host tells the app: in a Teams channel tab, the team and channel it was added to. */
export interface HostInfo {
  readonly teamsChannel?: NotificationTarget;
}

const HostContext = React.createContext<HostInfo>({});

/** Props for {@link HostProvider}. */
export type HostProviderProps = { host: HostInfo; children?: React.ReactNode };

/** Makes the host's facts available to the screens. */
export function HostProvider({ host, children }: HostProviderProps): JSX.Element {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** The host's facts (empty outside Teams). */
export function useHost(): HostInfo {
  return React.useContext(HostContext);
}
