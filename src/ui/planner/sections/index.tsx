import * as React from 'react';
import type { GuideSection } from '../../../domain';
import { lazySection } from '../../common/LazySection';
import type { StakeholderMap } from '../../stakeholders/useStakeholderMap';
import { AboutSection } from './AboutSection';
import { CommunicationsSection } from './CommunicationsSection';
import { EqualitySection } from './EqualitySection';
import { LevelSection } from './LevelSection';
import { MethodsSection } from './MethodsSection';
import { ObjectivesSection } from './ObjectivesSection';
import { ReviewSection } from './ReviewSection';
import { TimelineSection } from './TimelineSection';

// The map (grid, register, forms, CSV) is loaded when the lead first opens its section.
const StakeholderMapSection = lazySection(
  () => import(/* webpackChunkName: "stakeholder-map" */ '../../stakeholders/StakeholderMapSection').then((m) => m.StakeholderMapSection),
  'Loading the stakeholder map…'
);

/** What the guide gives every section (most use only the editor, from context). */
export interface SectionProps {
  planId: number;
  /** The plan's stakeholder map, loaded once for the whole guide. */
  map: StakeholderMap;
  /** Open a section at a field (the checklist's links). */
  onGo(section: GuideSection, field: string): void;
}

/**
 * The guide's sections, one component each, in a registry the guide renders from: a new section
 * is a file here, its entry below and its place in `GUIDE_SECTIONS` (the domain).
 */
export const SECTIONS: Readonly<Record<GuideSection, (props: SectionProps) => JSX.Element>> = {
  about: ({ planId }) => <AboutSection planId={planId} />,
  objectives: () => <ObjectivesSection />,
  level: () => <LevelSection />,
  stakeholders: ({ map, planId }) => <StakeholderMapSection map={map} planId={planId} />,
  timeline: () => <TimelineSection />,
  methods: () => <MethodsSection />,
  equality: () => <EqualitySection />,
  communications: () => <CommunicationsSection />,
  review: ({ onGo }) => <ReviewSection onGo={onGo} />
};

/** One section of the guide. */
export function GuideSectionView({ section, ...props }: SectionProps & { section: GuideSection }): JSX.Element {
  return SECTIONS[section](props);
}
