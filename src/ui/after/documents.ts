import {
  ACCESSIBLE_FORMAT_LABELS,
  ALL_EQUALITY_GROUPS,
  ACTIVITY_SETTING_LABELS,
  ENGAGEMENT_METHODS,
  EVALUATION_QUESTION_TEXTS,
  FEEDBACK_CHANNEL_OPTIONS,
  INEQUALITY_GROUPS,
  monitor,
  OUTCOME_LABELS,
  outputsAndOutcomes,
  PROTECTED_CHARACTERISTICS,
  RATING_LABELS,
  REPORT_PARTS,
  reportDueDate,
  type AnnualReport,
  type EngagementRecordContent,
  type EqualityGroup,
  type InvolvementPlan
} from '../../domain';
import type { DocBlock, DocSection, PlanDocument } from '../export/documentModel';
import { formatDate } from '../common/format';

const GROUP_NAMES: Record<string, string> = Object.fromEntries(
  [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].map((g) => [g.id, g.name])
);
const METHOD_NAMES: Record<string, string> = Object.fromEntries(ENGAGEMENT_METHODS.map((m) => [m.id, m.name]));
const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
const date = (d: string | null): string => (d ? formatDate(d) : 'Not yet');
const orNone = (s: string, none = 'Not written yet'): string => (s.trim() ? s : none);
const section = (heading: string, blocks: DocBlock[], level: 2 | 3 = 2): DocSection => ({ heading, level, blocks });
const heading = (id: (typeof REPORT_PARTS)[number]['id']): string => REPORT_PARTS.find((p) => p.id === id)?.heading ?? id;

/** A theme's responses by group ("Age 4, Carers 2"), counted from the tagged responses; '' when none. */
const groupCounts = (byGroup: Partial<Record<EqualityGroup, number>> | undefined): string =>
  ALL_EQUALITY_GROUPS.filter((g) => (byGroup?.[g] ?? 0) > 0)
    .map((g) => `${GROUP_NAMES[g] ?? g} ${byGroup?.[g] ?? 0}`)
    .join(', ');

/** Participants by group, as rows of a table (counts only). */
function breakdownRows(plan: Pick<InvolvementPlan, 'content'>, record: EngagementRecordContent): string[][] {
  return monitor(plan, record)
    .groups.filter((g) => g.planned || g.reached > 0)
    .map((g) => [GROUP_NAMES[g.group] ?? g.group, String(g.reached), g.planned ? 'Yes' : 'No']);
}

/**
 * The engagement report in the structure LSC step 8 asks for: dates and timescales; what took
 * place; a breakdown of participants; themes and findings; recommendations; next steps; and
 * what will or will not change — built from the log, themes and decision trace.
 */
export function engagementReportDocument(plan: InvolvementPlan, record: EngagementRecordContent, reportDueWeeks: number): PlanDocument {
  const m = monitor(plan, record);
  const themeName = new Map(record.themes.map((t) => [t.id, t.name]));
  return {
    title: `Engagement report: ${plan.content.project.title || 'Untitled plan'}`,
    subtitle: `${plan.content.project.organisation}${plan.content.project.placeName ? `, ${plan.content.project.placeName}` : ''}`,
    sections: [
      section('Summary', [{ kind: 'paragraph', text: orNone(record.report.summary) }]),
      section(heading('dates'), [
        {
          kind: 'facts',
          rows: [
            ['First activity', date(m.firstDate)],
            ['Engagement closed', date(record.report.engagementClosed || null)],
            ['Report due', date(reportDueDate(record, reportDueWeeks))],
            ['Report published', date(record.report.publishedOn || null)]
          ]
        },
        ...(record.report.delayExplanation.trim()
          ? [{ kind: 'paragraph' as const, text: `Why the report is late: ${record.report.delayExplanation}` }]
          : [])
      ]),
      section(heading('activities'), [
        record.activities.length === 0
          ? { kind: 'paragraph', text: 'No activities recorded yet.' }
          : {
              kind: 'table',
              headers: ['Activity', 'Dates', 'Method', 'Where', 'Who for', 'Accessible formats', 'Took part', 'Responses', 'Cost'],
              rows: record.activities.map((a) => [
                a.title,
                a.end && a.end !== a.start ? `${formatDate(a.start)} to ${formatDate(a.end)}` : formatDate(a.start),
                METHOD_NAMES[a.method] ?? a.method,
                `${ACTIVITY_SETTING_LABELS[a.setting]}${a.place ? `: ${a.place}` : ''}`,
                [...a.audiences, a.audience].filter((x) => x.trim()).join('; '),
                a.formats.map((f) => ACCESSIBLE_FORMAT_LABELS[f]).join(', ') || 'None',
                String(a.participants),
                String(a.responses),
                gbp(a.costGbp)
              ])
            },
        { kind: 'paragraph', text: `Spent ${gbp(m.spentGbp)} of a budget of ${gbp(m.budgetGbp)}.` },
        ...(m.byBudgetLine.length > 0
          ? [
              {
                kind: 'table' as const,
                headers: ['Budget line', 'Planned', 'Spent', 'Over (+) or under (−)'],
                rows: m.byBudgetLine.map((l) => [
                  l.label,
                  gbp(l.plannedGbp),
                  gbp(l.spentGbp),
                  `${l.overUnderGbp > 0 ? '+' : l.overUnderGbp < 0 ? '−' : ''}${gbp(Math.abs(l.overUnderGbp))}`
                ])
              }
            ]
          : []),
        ...(m.audiencesNotReached.length > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: `Audiences the plan named that no activity was for: ${m.audiencesNotReached.join(', ')}.`
              }
            ]
          : [])
      ]),
      section(heading('participants'), [
        {
          kind: 'paragraph',
          text: `${m.participants} people took part and ${m.responses} responses were received${m.responseTarget ? `, against a target of ${m.responseTarget}` : ''}. Counts by group are what people told us; one person may be in several groups.`
        },
        { kind: 'table', headers: ['Group', 'People reached', 'The plan set out to reach them'], rows: breakdownRows(plan, record) },
        {
          kind: 'paragraph',
          text: m.notHeardFrom.length
            ? `Who we did not hear from: ${m.notHeardFrom.map((g) => GROUP_NAMES[g] ?? g).join(', ')}.`
            : 'We heard from every group the plan set out to reach.'
        },
        {
          kind: 'table',
          headers: ['Place', 'Took part', 'Responses'],
          rows: m.byPlace.map((p) => [p.place, String(p.participants), String(p.responses)])
        }
      ]),
      section(heading('themes'), [
        record.themes.length === 0
          ? { kind: 'paragraph', text: 'No themes recorded yet.' }
          : {
              kind: 'table',
              headers: ['Theme', 'What people said', 'Mentions'],
              rows: record.themes.map((t) => [t.name, t.description, String(t.mentions)])
            },
        ...(record.themes.some((t) => groupCounts(t.byGroup))
          ? [
              {
                kind: 'table' as const,
                headers: ['Theme', 'Responses that raised it, by group'],
                rows: record.themes.map((t) => [t.name, groupCounts(t.byGroup) || 'None recorded'])
              }
            ]
          : []),
        ...record.themes
          .filter((t) => t.quotes.length > 0)
          .map((t) => ({ kind: 'bullets' as const, items: t.quotes.map((q) => `${t.name}: “${q}”`) })),
        {
          kind: 'bullets',
          items: record.trace.map(
            (t) =>
              `${
                t.themeIds
                  .map((id) => themeName.get(id))
                  .filter(Boolean)
                  .join(', ') || 'Finding'
              }: ${t.finding}`
          )
        }
      ]),
      section(heading('recommendations'), [
        { kind: 'bullets', items: record.trace.filter((t) => t.recommendation.trim()).map((t) => t.recommendation) }
      ]),
      section(heading('nextSteps'), [{ kind: 'paragraph', text: orNone(record.report.nextSteps) }]),
      section(heading('changes'), [
        {
          kind: 'table',
          headers: ['Finding', 'Decision (who, when)', 'Outcome', 'What changes, or why it cannot'],
          rows: record.trace.map((t) => [
            t.finding,
            [t.decision, t.decisionBody, t.decisionDate ? formatDate(t.decisionDate) : ''].filter(Boolean).join(' — '),
            OUTCOME_LABELS[t.outcome],
            t.because
          ])
        }
      ])
    ]
  };
}

/** "You said, we did": the public summary in plain English, and how people were told. */
export function youSaidWeDidDocument(plan: InvolvementPlan, record: EngagementRecordContent): PlanDocument {
  const themeName = new Map(record.themes.map((t) => [t.id, t.name]));
  const lines = record.trace.filter((t) => t.outcome !== 'notDecided');
  return {
    title: `You said, we did: ${plan.content.project.title || 'Untitled plan'}`,
    subtitle: record.feedback.publishedOn ? `Published ${formatDate(record.feedback.publishedOn)}` : 'Not published yet',
    sections: [
      section('What we heard and what we are doing', [{ kind: 'paragraph', text: orNone(record.feedback.summary) }]),
      section(
        'You said, we did',
        lines.length === 0
          ? [{ kind: 'paragraph', text: 'Nothing decided yet.' }]
          : [
              {
                kind: 'table',
                headers: ['You said', 'We did'],
                rows: lines.map((t) => [
                  t.themeIds
                    .map((id) => themeName.get(id))
                    .filter(Boolean)
                    .join(', ') || t.finding,
                  t.outcome === 'willChange' ? t.because : `We cannot change this: ${t.because}`
                ])
              }
            ]
      ),
      section('How we told people', [
        {
          kind: 'bullets',
          items: record.feedback.channels.map((c) => FEEDBACK_CHANNEL_OPTIONS.find((o) => o.id === c)?.name ?? c)
        }
      ])
    ]
  };
}

/** The evaluation, for the report's annex and the plan's record. */
export function evaluationSections(plan: InvolvementPlan, record: EngagementRecordContent): DocSection[] {
  const o = outputsAndOutcomes(plan, record);
  const pct = (n: number | null): string => (n === null ? 'Not measured' : `${n}%`);
  return [
    section('Evaluation', [
      { kind: 'facts', rows: EVALUATION_QUESTION_TEXTS.map((q, i) => [q, orNone(record.evaluation.answers[i] ?? '')]) },
      {
        kind: 'facts',
        rows: [
          ['People reached', String(o.peopleReached)],
          ['People from the groups the plan set out to reach', String(o.priorityGroupReached)],
          ['Suggestions investigated or actioned', pct(o.suggestionsActionedPercent)],
          ['Services co-produced', o.servicesCoProduced === null ? 'Not measured' : String(o.servicesCoProduced)],
          ...(Object.entries(RATING_LABELS) as Array<[keyof typeof RATING_LABELS, string]>).map(([k, label]): [string, string] => [
            `${label} (participants who agreed)`,
            pct(o.ratings[k])
          ])
        ]
      },
      { kind: 'paragraph', text: `Lessons learned: ${orNone(record.evaluation.lessons)}` }
    ])
  ];
}

/** The annual report for a board paper, each chart's figures as a table. */
export function annualReportDocument(report: AnnualReport, organisationName: string): PlanDocument {
  const rows = (r: ReadonlyArray<{ label: string; count: number }>): string[][] => r.map((x) => [x.label, String(x.count)]);
  const f = report.formalConsultations;
  return {
    title: `Annual involvement report: ${report.period.label}`,
    subtitle: `${organisationName || 'Involvement team'} — how we met the duty to involve`,
    sections: [
      section('Summary', [
        {
          kind: 'facts',
          rows: [
            ['Plans whose engagement ended in the year', String(report.plans)],
            ['Activities', String(report.activities)],
            ['People who took part', String(report.participants)],
            ['Responses', String(report.responses)],
            ['"You said, we did" published', String(report.youSaidWeDidPublished)],
            ['Spent', `${gbp(report.spentGbp)} of ${gbp(report.budgetGbp)} budgeted`],
            ...(report.unreadable.length > 0
              ? [['Plans left out because their records could not be read', String(report.unreadable.length)] as [string, string]]
              : [])
          ]
        }
      ]),
      section('Plans by status (all plans today)', [{ kind: 'table', headers: ['Status', 'Plans'], rows: rows(report.byStatus) }]),
      section('By level of engagement', [{ kind: 'table', headers: ['Level', 'Plans'], rows: rows(report.byLevel) }]),
      section('By route', [{ kind: 'table', headers: ['Route', 'Plans'], rows: rows(report.byRoute) }]),
      section('By organisation', [{ kind: 'table', headers: ['Organisation', 'Plans'], rows: rows(report.byOrganisation) }]),
      section('By place', [{ kind: 'table', headers: ['Place', 'Plans'], rows: rows(report.byPlace) }]),
      section('Who we heard from, and who we did not', [
        {
          kind: 'table',
          headers: ['Group', 'People reached', 'Plans that set out to reach them', 'Of those, plans that reached nobody'],
          rows: report.coverage.map((c) => [c.label, String(c.reached), String(c.plansPlanned), String(c.plansNotReached)])
        },
        {
          kind: 'paragraph',
          text: report.notHeardFrom.length
            ? `No plan reached anybody from: ${report.notHeardFrom.map((c) => c.label).join(', ')}.`
            : 'Every group was reached by at least one plan.'
        }
      ]),
      section('Formal consultations', [
        {
          kind: 'facts',
          rows: [
            ['Formal consultations', String(f.total)],
            ['Report published within its deadline', String(f.reportOnTime)],
            ['Report late', `${f.reportLate} (${f.lateExplained} with the delay explained)`],
            ['Report not yet due', String(f.reportNotYetDue)]
          ]
        }
      ]),
      section('You said, we did: highlights', [
        report.highlights.length === 0
          ? { kind: 'paragraph', text: 'None recorded in this period.' }
          : { kind: 'table', headers: ['Plan', 'You said', 'We did'], rows: report.highlights.map((h) => [h.planTitle, h.said, h.did]) }
      ])
    ]
  };
}
