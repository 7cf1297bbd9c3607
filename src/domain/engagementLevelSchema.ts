import { z } from 'zod';
import { ENGAGEMENT_LEVELS } from './choices';

/** One rung of the ladder of engagement. */
export const engagementLevelSchema = z.enum(ENGAGEMENT_LEVELS, { error: 'level.invalid' });
/** One rung of the ladder of engagement. */
export type EngagementLevel = z.infer<typeof engagementLevelSchema>;
