// zod's tree-shakable API: the settings are read at start-up, so this is in every web part's first chunk.
import * as z from 'zod/mini';
import type { CitationId } from './citations';
import { DEFAULT_LADDER, LADDER_IDS, LADDERS } from './ladder';
import { msg, toFieldProblems, type FieldProblem, type Validated } from './validation';

/** Where bank holidays are counted from (gov.uk's standing rules for each part of the UK). */
export const BANK_HOLIDAY_REGIONS = ['englandAndWales', 'scotland', 'northernIreland'] as const;
/** A part of the UK with its own bank holidays. */
export type BankHolidayRegion = (typeof BANK_HOLIDAY_REGIONS)[number];

/** Plain names of the regions. */
export const BANK_HOLIDAY_REGION_NAMES: Readonly<Record<BankHolidayRegion, string>> = {
  englandAndWales: 'England and Wales',
  scotland: 'Scotland',
  northernIreland: 'Northern Ireland'
};

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a day of the year written MM-DD (29 February allowed). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  return m !== null && Number(m[2]) <= DAYS_IN_MONTH[Number(m[1]) - 1];
}

/**
 * A holiday period that comes round every year, such as Christmas or the school summer holidays.
 * `from` after `to` (for example 12-20 to 01-02) runs over the new year.
 */
export const holidayPeriodSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, msg('settings.holiday.name.required')), z.maxLength(100, msg('text.tooLong'))),
  from: z.string().check(z.refine(isMonthDay, msg('settings.holiday.date.invalid'))),
  to: z.string().check(z.refine(isMonthDay, msg('settings.holiday.date.invalid')))
});
/** A yearly holiday period. */
export type HolidayPeriod = z.infer<typeof holidayPeriodSchema>;

const whole = (min: number, max: number, key: Parameters<typeof msg>[0]): z.ZodMiniNumber<number> =>
  z.number(msg(key)).check(z.int(msg(key)), z.gte(min, msg(key)), z.lte(max, msg(key)));

/**
 * Figures on which the source toolkits differ, and choices the toolkits leave to the
 * organisation. Each has a default and says which guidance the default follows
 * (`SETTING_GUIDANCE`), so the UI can say "following NENC".
 */
export const involvementSettingsSchema = z
  .object({
    /** Weeks of planning before speaking to people. NENC: "a minimum of 6-8 weeks"; default its lower bound. */
    planningLeadWeeks: whole(1, 52, 'settings.planningLeadWeeks.invalid'),
    /** Months an engagement without formal consultation needs. NENC: "at least four to six months"; default 4. */
    engagementMinimumMonths: whole(1, 24, 'settings.engagementMinimumMonths.invalid'),
    /** Months a formal public consultation programme needs end to end. NENC: "at least nine to 12 months"; default 9. */
    consultationProgrammeMinimumMonths: whole(1, 36, 'settings.consultationProgrammeMinimumMonths.invalid'),
    /** Shortest consultation window in weeks. TRUST says 2–12 weeks; LSC and PC step 4e say at least 4. Default follows LSC and PC. */
    consultationMinimumWeeks: whole(1, 52, 'settings.consultationMinimumWeeks.invalid'),
    /** Weeks a proposed formal consultation runs. TRUST: "typically … 2-12 weeks", longer if contentious; default 12. */
    proposedConsultationWeeks: whole(1, 52, 'settings.proposedConsultationWeeks.invalid'),
    /**
     * Weeks after a consultation closes by which the report should be published (TRUST: 12). At
     * least 2: analysis and reporting take "a minimum of 2 weeks" (LSC, PC step 8).
     */
    reportDueWeeksAfterClose: whole(2, 52, 'settings.reportDueWeeksAfterClose.invalid'),
    /** Yearly holiday periods a consultation should not be shortened by (TRUST names none: the product's defaults). */
    holidayPeriods: z.array(holidayPeriodSchema).check(z.maxLength(20, msg('settings.holidayPeriods.tooMany'))),
    /** Whose bank holidays count. */
    bankHolidayRegion: z.enum(BANK_HOLIDAY_REGIONS, msg('settings.bankHolidayRegion.invalid')),
    /** Which source's ladder of engagement is shown, in its order and with its names. */
    ladderShown: z.enum(LADDER_IDS, msg('settings.ladderShown.invalid')),
    /** Who may read plans they did not write: the whole site, or only the involvement team and the lead. */
    otherUsersCanRead: z.boolean(msg('value.invalid'))
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.consultationProgrammeMinimumMonths < s.engagementMinimumMonths)
        ctx.addIssue({
          code: 'custom',
          path: ['consultationProgrammeMinimumMonths'],
          message: 'settings.consultationProgramme.belowEngagement'
        });
      if (s.proposedConsultationWeeks < s.consultationMinimumWeeks)
        ctx.addIssue({ code: 'custom', path: ['proposedConsultationWeeks'], message: 'settings.proposedConsultation.belowMinimum' });
      const programmeDays = s.engagementMinimumMonths * 30;
      if (s.planningLeadWeeks * 7 >= programmeDays)
        ctx.addIssue({ code: 'custom', path: ['planningLeadWeeks'], message: 'settings.planningLeadWeeks.longerThanProgramme' });
    })
  );
/** An organisation's choices where the guidance differs. */
export type InvolvementSettings = z.infer<typeof involvementSettingsSchema>;

/** The yearly holiday periods checked unless the organisation changes them (the product's choice). */
export const DEFAULT_HOLIDAY_PERIODS: readonly HolidayPeriod[] = [
  { name: 'Christmas and New Year', from: '12-20', to: '01-02' },
  { name: 'August', from: '08-01', to: '08-31' }
];

/** The defaults, with the guidance each follows (`SETTING_GUIDANCE`). */
export const DEFAULT_SETTINGS: InvolvementSettings = {
  planningLeadWeeks: 6,
  engagementMinimumMonths: 4,
  consultationProgrammeMinimumMonths: 9,
  consultationMinimumWeeks: 4,
  proposedConsultationWeeks: 12,
  reportDueWeeksAfterClose: 12,
  holidayPeriods: DEFAULT_HOLIDAY_PERIODS.map((p) => ({ ...p })),
  bankHolidayRegion: 'englandAndWales',
  ladderShown: DEFAULT_LADDER,
  otherUsersCanRead: true
};

/** A setting. */
export type SettingKey = keyof InvolvementSettings;

/** What a settings page shows for one setting: its name, the guidance and what the default follows. */
export interface SettingGuidance {
  readonly label: string;
  readonly unit?: 'weeks' | 'months';
  /** What the guidance says, in plain words. */
  readonly guidance: string;
  /** Which guidance the default follows, or that it is the product's own choice. */
  readonly defaultFollows: string;
  readonly citations: readonly CitationId[];
}

/** The guidance behind each setting (DOMAIN.md §1, §3, §4, §5). */
export const SETTING_GUIDANCE: Readonly<Record<SettingKey, SettingGuidance>> = {
  planningLeadWeeks: {
    label: 'Weeks of planning before speaking to people',
    unit: 'weeks',
    guidance: 'NENC: you need a minimum of 6 to 8 weeks before you start to speak to people, to plan and prepare properly.',
    defaultFollows: 'NENC, its lower figure (6 weeks)',
    citations: ['nencPlanningWeeks']
  },
  engagementMinimumMonths: {
    label: 'Shortest programme for engagement without formal consultation',
    unit: 'months',
    guidance: 'NENC: allow at least four to six months (preparation, the engagement, analysis and the report).',
    defaultFollows: 'NENC, its lower figure (4 months)',
    citations: ['nencEngagementMonths']
  },
  consultationProgrammeMinimumMonths: {
    label: 'Shortest programme for a formal public consultation',
    unit: 'months',
    guidance:
      'NENC: allow at least nine to 12 months (preparation and the case for change, pre-consultation engagement, the consultation, analysis).',
    defaultFollows: 'NENC, its lower figure (9 months)',
    citations: ['nencConsultationMonths']
  },
  consultationMinimumWeeks: {
    label: 'Shortest formal consultation',
    unit: 'weeks',
    guidance: 'TRUST: typically 2 to 12 weeks. LSC and PC (step 4e): a minimum of 4 to 12 weeks.',
    defaultFollows: 'LSC and PC (4 weeks); TRUST allows 2 weeks',
    citations: ['trustConsultationWeeks', 'lsc4eDuration']
  },
  proposedConsultationWeeks: {
    label: 'Length of a proposed formal consultation',
    unit: 'weeks',
    guidance:
      'TRUST: typically 2 to 12 weeks, longer than 12 for a particularly significant or contentious proposal; organisations need time to ask the people they represent.',
    defaultFollows: 'TRUST and LSC, the upper figure (12 weeks)',
    citations: ['trustConsultationWeeks']
  },
  reportDueWeeksAfterClose: {
    label: 'Weeks after a consultation closes to publish the report',
    unit: 'weeks',
    guidance:
      'TRUST: the final report should usually be published within 12 weeks of the consultation closing, or a brief explanation of the delay published.',
    defaultFollows: 'TRUST (12 weeks)',
    citations: ['trustReportWeeks']
  },
  holidayPeriods: {
    label: 'Holiday periods',
    guidance:
      'TRUST: where a consultation spans all or part of a holiday period, consider the impact and take mitigating action. The toolkits name no dates.',
    defaultFollows: 'The product’s choice: Christmas and New Year (20 December to 2 January) and August',
    citations: ['trustHolidays']
  },
  bankHolidayRegion: {
    label: 'Bank holidays',
    guidance: 'Bank holidays are counted as holiday time too. They differ between England and Wales, Scotland and Northern Ireland.',
    defaultFollows: 'The product’s choice: England and Wales (the toolkits are from English NHS bodies)',
    citations: ['trustHolidays']
  },
  ladderShown: {
    label: 'Ladder of engagement shown',
    guidance: `The toolkits order the ladder differently. ${LADDERS.TRUST.orderNote} ${LADDERS.PC.orderNote}`,
    defaultFollows: 'TRUST Appendix 1, whose order the Suffolk spectrum shares',
    citations: ['trustLadderIntro', 'pcLadderNames']
  },
  otherUsersCanRead: {
    label: 'Staff can read plans they did not write',
    guidance: 'Not in the guidance: an organisation choice.',
    defaultFollows: 'The product’s choice: staff can read all plans',
    citations: []
  }
};

/** Which guidance each default follows, in one line, for display next to the setting. */
export const SETTING_SOURCES: Readonly<Record<SettingKey, string>> = Object.fromEntries(
  (Object.keys(SETTING_GUIDANCE) as SettingKey[]).map((k) => [
    k,
    `${SETTING_GUIDANCE[k].guidance} Default: ${SETTING_GUIDANCE[k].defaultFollows}.`
  ])
) as Record<SettingKey, string>;

/**
 * Read settings as stored: anything missing (a setting added since they were saved) takes its
 * default; anything present must be valid. Problems are plain English, by field.
 */
export function readInvolvementSettings(stored: unknown): Validated<InvolvementSettings> {
  const given = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const merged = Object.fromEntries(
    (Object.keys(DEFAULT_SETTINGS) as SettingKey[]).map((k) => [
      k,
      given[k] === undefined || given[k] === null ? DEFAULT_SETTINGS[k] : given[k]
    ])
  );
  const result = parseInvolvementSettings(merged);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: settingProblems(result.error) };
}

/** Stored settings read leniently: what could be read, and what could not. */
export interface LenientSettings {
  readonly settings: InvolvementSettings;
  /** Stored values that were not valid: each takes its default until someone saves the settings again. */
  readonly problems: FieldProblem[];
}

/**
 * Read settings as stored, keeping every valid value: a stored value that is not valid (someone
 * edited the list by hand, or an older version wrote it) takes its default and is reported, so
 * one bad value never stops the planner or silently resets the others.
 */
export function readStoredSettings(stored: unknown): LenientSettings {
  const given: Record<string, unknown> =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...(stored as Record<string, unknown>) } : {};
  const problems: FieldProblem[] = [];
  for (let round = 0; round < 4; round += 1) {
    const read = readInvolvementSettings(given);
    if (read.ok) return { settings: read.value, problems };
    for (const p of read.problems) {
      const key = p.path.split('.')[0];
      if (!problems.some((q) => q.path === p.path)) problems.push(p);
      delete given[key];
    }
  }
  return { settings: DEFAULT_SETTINGS, problems };
}

/** Check settings against the schema (zod's result: the settings, or the error to turn into field problems). */
export function parseInvolvementSettings(value: unknown): z.core.util.SafeParseResult<InvolvementSettings> {
  return z.safeParse(involvementSettingsSchema, value);
}

function settingProblems(error: z.core.$ZodError): FieldProblem[] {
  return toFieldProblems(error);
}

/** A setting's value in words ("6 weeks", "England and Wales", the ladder's title). */
export const describeSetting = (key: SettingKey, value: InvolvementSettings[SettingKey]): string => {
  const g = SETTING_GUIDANCE[key];
  if (Array.isArray(value)) return (value as HolidayPeriod[]).map((p) => `${p.name} (${p.from} to ${p.to})`).join('; ') || 'none';
  if (key === 'bankHolidayRegion') return BANK_HOLIDAY_REGION_NAMES[value as BankHolidayRegion];
  if (key === 'ladderShown') return LADDERS[value as keyof typeof LADDERS].title;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return g.unit ? `${String(value)} ${g.unit}` : String(value);
};

/** One changed setting, in words, for the record of who changed what (old → new). */
export interface SettingChange {
  readonly key: SettingKey;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** What changed between two sets of settings, in plain words. */
export function diffSettings(before: InvolvementSettings, after: InvolvementSettings): SettingChange[] {
  return (Object.keys(SETTING_GUIDANCE) as SettingKey[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ key: k, label: SETTING_GUIDANCE[k].label, from: describeSetting(k, before[k]), to: describeSetting(k, after[k]) }));
}
