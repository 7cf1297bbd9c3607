import { emptyPlanContent, writablePlanContent, type PlanContent } from '../../domain';

/**
 * The content of a copy of a plan: its title marked as a copy, and not yet reviewed; a value
 * stored in the source that is not valid (read as stored) is not copied. Loaded when a lead duplicates.
 */
export function duplicateContent(source: PlanContent): PlanContent {
  const valid = writablePlanContent(source, emptyPlanContent()).content;
  return {
    ...valid,
    project: { ...valid.project, title: `Copy of ${valid.project.title}`.slice(0, 255) },
    review: emptyPlanContent().review
  };
}
