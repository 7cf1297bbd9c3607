import * as React from 'react';
import type { CurrentUser } from '../../domain';

/** The signed-in person, and what the product lets them do. */
export interface Session {
  readonly user: CurrentUser;
  /** Triage plans, change team settings and the shared stakeholder list: the involvement team and site owners. */
  readonly mayManage: boolean;
  /** Settings only site owners hold (the webhook address in the owners-only secrets list). */
  readonly isSiteOwner: boolean;
}

const SessionContext = React.createContext<Session | undefined>(undefined);

/** Props for {@link SessionProvider}. */
export type SessionProviderProps = { user: CurrentUser; children?: React.ReactNode };

/** Makes the signed-in person available to every screen below the lists gate. */
export function SessionProvider({ user, children }: SessionProviderProps): JSX.Element {
  const session = React.useMemo<Session>(
    () => ({ user, mayManage: user.isInvolvementTeam || user.isSiteOwner, isSiteOwner: user.isSiteOwner }),
    [user]
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session (only below the lists gate). */
export function useSession(): Session {
  const session = React.useContext(SessionContext);
  if (!session) throw new Error('useSession must be used below ListsGate');
  return session;
}

/** The signed-in user (only below the lists gate). */
export function useCurrentUser(): CurrentUser {
  return useSession().user;
}
