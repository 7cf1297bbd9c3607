import { ALL_EQUALITY_GROUPS } from './afterEngagement';
import type { RecordSummary, UnreadableRecord } from './afterEngagementProcess';
import type { CitationId } from './citations';
import { ENGAGEMENT_LEVEL_INFO, ENGAGEMENT_LEVELS, type EngagementLevel } from './engagementLevel';
import type { EqualityGroup } from './plan';
import { INEQUALITY_GROUPS, PROTECTED_CHARACTERISTICS } from './referenceData';
import { PLAN_STATUS_LABELS, PLAN_STATUSES, type PlanStatus } from './status';

/**
 * The annual report across all plans: "how they met the duty to involve" (LSC: organisations
 * "report on how they meet it in their annual reports"). For a period — by default the financial
 * year, April to March — it rolls up every plan whose engagement ended in it.
 */
export const ANNUAL_REPORT_CITATIONS: readonly CitationId[] = ['lscAnnualReport', 'lscNotHearing', 'trustReportWeeks'];

/** A period of the report, inclusive (YYYY-MM-DD). */
export interface Period {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** The financial year starting 1 April of `startYear` (April to March). */
export function financialYear(startYear: number): Period {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31`, label: `April ${startYear} to March ${startYear + 1}` };
}

/** The financial year a date falls in (its start year). */
export function financialYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number);
  return m >= 4 ? y : y - 1;
}

/** One row of a count table. */
export interface CountRow {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/** Where one group stands organisation-wide. */
export interface GroupReachInPeriod {
  readonly group: EqualityGroup;
  readonly label: string;
  readonly reached: number;
  /** Plans that set out to reach this group. */
  readonly plansPlanned: number;
  /** Of those, plans that reached nobody from it. */
  readonly plansNotReached: number;
}

/** The annual report. */
export interface AnnualReport {
  readonly period: Period;
  /** Every plan now, by status (not only those in the period). */
  readonly byStatus: readonly CountRow[];
  readonly plans: number;
  readonly byLevel: readonly CountRow[];
  readonly byRoute: readonly CountRow[];
  readonly byOrganisation: readonly CountRow[];
  readonly byPlace: readonly CountRow[];
  readonly activities: number;
  readonly participants: number;
  readonly responses: number;
  readonly coverage: readonly GroupReachInPeriod[];
  /** Groups no plan in the period reached anybody from: who the organisation is not hearing from. */
  readonly notHeardFrom: readonly GroupReachInPeriod[];
  readonly formalConsultations: {
    readonly total: number;
    readonly reportOnTime: number;
    readonly reportLate: number;
    readonly lateExplained: number;
    readonly reportNotYetDue: number;
  };
  readonly youSaidWeDidPublished: number;
  readonly spentGbp: number;
  readonly budgetGbp: number;
  readonly highlights: ReadonlyArray<{ readonly planId: number; readonly planTitle: string; readonly said: string; readonly did: string }>;
  readonly rows: readonly RecordSummary[];
  /** Plans' records that could not be read: not in the figures, listed so someone can put them right. */
  readonly unreadable: readonly UnreadableRecord[];
}

const GROUP_LABELS: Record<string, string> = Object.fromEntries(
  [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].map((g) => [g.id, g.name])
);

function countBy(rows: readonly RecordSummary[], key: (r: RecordSummary) => string, label: (k: string) => string = (k) => k): CountRow[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([k, count]) => ({ key: k, label: label(k), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Build the annual report from the records of a period and the plans' status counts. */
export function buildAnnualReport(
  period: Period,
  rows: readonly RecordSummary[],
  statusCounts: Readonly<Record<PlanStatus, number>>,
  today: string,
  unreadable: readonly UnreadableRecord[] = []
): AnnualReport {
  const inPeriod = rows.filter((r) => r.periodEnd !== null && r.periodEnd >= period.from && r.periodEnd <= period.to);
  const levelLabel = (k: string): string => (k === 'none' ? 'Not set' : ENGAGEMENT_LEVEL_INFO[k as EngagementLevel].name);
  const byLevelCounts = countBy(inPeriod, (r) => r.level ?? 'none', levelLabel);
  const order = [...ENGAGEMENT_LEVELS, 'none'] as string[];
  const coverage = ALL_EQUALITY_GROUPS.map((group) => {
    const planned = inPeriod.filter((r) => r.plannedGroups.includes(group));
    return {
      group,
      label: GROUP_LABELS[group] ?? group,
      reached: inPeriod.reduce((s, r) => s + (r.reached[group] ?? 0), 0),
      plansPlanned: planned.length,
      plansNotReached: planned.filter((r) => !r.reached[group]).length
    };
  });
  const formal = inPeriod.filter((r) => r.formalConsultation);
  const onTime = formal.filter((r) => r.reportPublished && (!r.reportDue || r.reportPublished <= r.reportDue));
  const late = formal.filter((r) =>
    r.reportPublished ? r.reportDue !== null && r.reportPublished > r.reportDue : r.reportDue !== null && today > r.reportDue
  );
  return {
    period,
    byStatus: PLAN_STATUSES.map((s) => ({ key: s, label: PLAN_STATUS_LABELS[s], count: statusCounts[s] ?? 0 })),
    plans: inPeriod.length,
    byLevel: byLevelCounts.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)),
    byRoute: countBy(
      inPeriod,
      (r) => (r.formalConsultation ? 'formal' : 'engagement'),
      (k) => (k === 'formal' ? 'Formal consultation' : 'Engagement without formal consultation')
    ),
    byOrganisation: countBy(inPeriod, (r) => r.organisation.trim() || 'Not recorded'),
    byPlace: countBy(inPeriod, (r) => r.place.trim() || 'System-wide or not recorded'),
    activities: inPeriod.reduce((s, r) => s + r.activities, 0),
    participants: inPeriod.reduce((s, r) => s + r.participants, 0),
    responses: inPeriod.reduce((s, r) => s + r.responses, 0),
    coverage,
    notHeardFrom: coverage.filter((c) => c.reached === 0),
    formalConsultations: {
      total: formal.length,
      reportOnTime: onTime.length,
      reportLate: late.length,
      lateExplained: late.filter((r) => r.reportDelayExplained).length,
      reportNotYetDue: formal.length - onTime.length - late.length
    },
    youSaidWeDidPublished: inPeriod.filter((r) => r.youSaidWeDidPublished).length,
    spentGbp: round2(inPeriod.reduce((s, r) => s + r.spentGbp, 0)),
    budgetGbp: round2(inPeriod.reduce((s, r) => s + r.budgetGbp, 0)),
    highlights: inPeriod
      .flatMap((r) =>
        r.highlights.filter((h) => h.changes).map((h) => ({ planId: r.planId, planTitle: r.planTitle, said: h.said, did: h.did }))
      )
      .slice(0, 20),
    rows: inPeriod,
    unreadable
  };
}

/** A CSV cell: quoted, with a leading = + - @ made harmless so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The annual report's plans as CSV (one row per plan, a column per group), UTF-8 with a header row. */
export function annualReportCsv(report: AnnualReport): string {
  const header = [
    'Plan id',
    'Plan',
    'Level of engagement',
    'Formal consultation',
    'Organisation',
    'Place',
    'Engagement ended',
    'Activities',
    'People who took part',
    'Responses',
    ...ALL_EQUALITY_GROUPS.map((g) => `Reached: ${GROUP_LABELS[g] ?? g}`),
    'Budget (£)',
    'Spent (£)',
    'Report due',
    'Report published',
    '"You said, we did" published'
  ];
  const lines = report.rows.map((r) =>
    [
      r.planId,
      r.planTitle,
      r.level ? ENGAGEMENT_LEVEL_INFO[r.level].name : '',
      r.formalConsultation ? 'Yes' : 'No',
      r.organisation,
      r.place,
      r.periodEnd,
      r.activities,
      r.participants,
      r.responses,
      ...ALL_EQUALITY_GROUPS.map((g) => r.reached[g] ?? 0),
      r.budgetGbp.toFixed(2),
      r.spentGbp.toFixed(2),
      r.reportDue,
      r.reportPublished,
      r.youSaidWeDidPublished
    ]
      .map(csvCell)
      .join(',')
  );
  return [header.map(csvCell).join(','), ...lines].join('\r\n') + '\r\n';
}
