import * as React from 'react';
import type { ListProvisioner, PlanRepository, UserDirectory } from '../domain';

/** The ports the screens talk to. Web parts and the workbench build them; the UI never sees PnPjs. */
export interface Services {
  readonly plans: PlanRepository;
  readonly users: UserDirectory;
  readonly provisioner: ListProvisioner;
}

const ServicesContext = React.createContext<Services | undefined>(undefined);

/** Props for {@link ServicesProvider}. */
export type ServicesProviderProps = { services: Services; children?: React.ReactNode };

/** Makes the ports available to every screen below it. */
export function ServicesProvider({ services, children }: ServicesProviderProps): JSX.Element {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The ports, from the nearest {@link ServicesProvider}. */
export function useServices(): Services {
  const services = React.useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside ServicesProvider');
  return services;
}
