import { z } from 'zod';

/**
 * Figures on which the source toolkits differ. Each is a setting an organisation can change;
 * the default and the guidance it follows are stated so the UI can say "following NENC".
 */
export const involvementSettingsSchema = z.object({
  /** Weeks of planning before speaking to people. NENC: "at least 6–8 weeks"; default its lower bound. */
  planningLeadWeeks: z.number().int().min(1).max(52),
  /** Months an engagement without formal consultation needs. NENC: "at least 4–6 months"; default 4. */
  engagementMinimumMonths: z.number().int().min(1).max(24),
  /** Months a formal public consultation needs end to end. NENC: "at least 9–12 months"; default 9. */
  consultationProgrammeMinimumMonths: z.number().int().min(1).max(36),
  /** Shortest consultation window in weeks. TRUST says 2–12 weeks; LSC/PC step 4e say at least 4. Default follows LSC/PC. */
  consultationMinimumWeeks: z.number().int().min(1).max(52),
  /** Weeks after a consultation closes by which the report should be published (TRUST). */
  reportDueWeeksAfterClose: z.number().int().min(1).max(52),
  /** Who may read plans they did not write: the whole site, or only the involvement team and the lead. */
  otherUsersCanRead: z.boolean()
});
/** An organisation's choices where the guidance differs. */
export type InvolvementSettings = z.infer<typeof involvementSettingsSchema>;

/** The defaults, with the guidance each follows. */
export const DEFAULT_SETTINGS: InvolvementSettings = {
  planningLeadWeeks: 6,
  engagementMinimumMonths: 4,
  consultationProgrammeMinimumMonths: 9,
  consultationMinimumWeeks: 4,
  reportDueWeeksAfterClose: 12,
  otherUsersCanRead: true
};

/** Which guidance each default follows, for display next to the setting. */
export const SETTING_SOURCES: Readonly<Record<keyof InvolvementSettings, string>> = {
  planningLeadWeeks: 'NENC: at least 6 to 8 weeks of planning before speaking to people (default 6)',
  engagementMinimumMonths: 'NENC: engagement without formal consultation needs at least 4 to 6 months (default 4)',
  consultationProgrammeMinimumMonths: 'NENC: formal public consultation needs at least 9 to 12 months (default 9)',
  consultationMinimumWeeks: 'LSC and PC step 4e: at least 4 weeks (TRUST allows 2 weeks; default follows LSC and PC)',
  reportDueWeeksAfterClose: 'TRUST: publish the final report within 12 weeks of the consultation closing',
  otherUsersCanRead: 'Not in the guidance: an organisation choice (default: staff can read all plans)'
};
