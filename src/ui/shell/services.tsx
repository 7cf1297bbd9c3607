import * as React from 'react';
import type {
  EngagementRecordRepository,
  FeedbackNoticeBuilder,
  InsightRepository,
  InvolvementSettingsStore,
  LeadNoticeBuilder,
  ListProvisioner,
  NotificationTarget,
  OutboxRepository,
  PlanLinks,
  PlanNotifier,
  PlanRepository,
  PlanWorkflowRepository,
  ResponseRepository,
  SettingsRepository,
  SecretsRepository,
  SharedStakeholderRepository,
  SignOffRepository,
  StakeholderRepository,
  SubmissionMessageBuilder,
  TeamsDirectory,
  UserDirectory
} from '../../domain';

/** The ports the screens talk to. Web parts and the workbench build them; the UI never sees PnPjs. */
export interface Services {
  readonly plans: PlanRepository;
  readonly stakeholders: StakeholderRepository;
  readonly sharedStakeholders: SharedStakeholderRepository;
  readonly users: UserDirectory;
  readonly provisioner: ListProvisioner;
  readonly workflow: PlanWorkflowRepository;
  readonly outbox: OutboxRepository;
  readonly notifier: PlanNotifier;
  readonly settings: SettingsRepository;
  /** The organisation's involvement settings: every screen's advice uses them. */
  readonly involvementSettings: InvolvementSettingsStore;
  readonly secrets: SecretsRepository;
  readonly teams: TeamsDirectory;
  readonly buildMessage: SubmissionMessageBuilder;
  /** Plans' after-engagement records (activities, themes, decision trace, report, "you said, we did", evaluation). */
  readonly records: EngagementRecordRepository;
  /** The involvement team's sign-offs of closed plans' records. */
  readonly signOffs: SignOffRepository;
  /** What people said, one item per response (imported from CSV or entered by hand), tagged with themes. */
  readonly responses: ResponseRepository;
  /** Links that open a plan (the page it is on, and the Teams tab). */
  readonly links: (planId: number) => PlanLinks;
  /** The submission card's links for the team: the plan's review in their dashboard tab or page. */
  readonly reviewLinks: (planId: number, target: NotificationTarget) => PlanLinks;
  /** Builds the message that tells a lead what the team did. */
  readonly buildLeadNotice: LeadNoticeBuilder;
  /** Opens a plan for its lead in Teams ("My plans"). */
  readonly leadLink: (planId: number) => string;
  /** Builds the card that tells the team a plan's "you said, we did" was published. */
  readonly buildFeedbackNotice: FeedbackNoticeBuilder;
  /** What earlier plans heard (lessons, findings, themes, "you said, we did"), searched from a new plan. */
  readonly insight: InsightRepository;
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
