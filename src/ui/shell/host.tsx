import * as React from 'react';
import type { HomeSite, HostSurface, NotificationTarget } from '../../domain';

/** What the host tells the app. */
export interface HostInfo {
  /** In a Teams channel tab: the team and channel it was added to (and the tab's entity id). */
  readonly teamsChannel?: NotificationTarget;
  /** A SharePoint page, a Teams channel tab or the Teams personal app. */
  readonly surface?: HostSurface;
  /** The plan a Teams deep link opened the tab at (its sub-entity). */
  readonly openPlanId?: number;
  /** Where the lists are and how that was decided. */
  readonly home?: HomeSite;
  /** The SharePoint page the web part is on (not in Teams), for links back to it. */
  readonly pageUrl?: string;
  /** Open a link the host's way (a Teams deep link inside Teams); else a new browser tab. */
  readonly openLink?: (url: string) => void;
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
