import {
  adviceForPlan,
  applicableTriageQuestions,
  budgetTotalGbp,
  checkDefensibleRecord,
  describeSetting,
  LADDERS,
  ladderRung,
  LEGAL_LIKELIHOOD_NAMES,
  LEGAL_STEP_NAMES,
  LEVEL_FACTOR_ORDER,
  LEVEL_FACTOR_QUESTIONS,
  PROGRAMME_ROUTE_NAMES,
  RULES_VERSION,
  SETTING_GUIDANCE,
  timelineWarningsForPlan,
  type DefensibleRecord,
  type InvolvementSettings,
  type SettingKey,
  BUDGET_ITEMS,
  ENGAGEMENT_METHODS,
  GUNNING_PRINCIPLES,
  guideStep,
  INEQUALITY_GROUPS,
  PROTECTED_CHARACTERISTICS,
  TEN_PRINCIPLES,
  TRIAGE_QUESTION_TEXT,
  type InvolvementPlan,
  coverageMatrix,
  GRID_QUADRANT_INFO,
  quadrantName,
  STAKEHOLDER_KIND_NAMES,
  type GridQuadrant,
  type Stakeholder
} from '../../domain';
import { formatDate, formatDateTime } from '../common/format';

/** A block of a document: a paragraph, a bulleted list, a two-column list of facts, or a table. */
export type DocBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'table'; headers: string[]; rows: string[][] };

/** A section of a document with its heading (level 2, or 3 for sub-sections). */
export interface DocSection {
  heading: string;
  level: 2 | 3;
  blocks: DocBlock[];
}

/** A whole document, ready for Word or the print view. */
export interface PlanDocument {
  title: string;
  subtitle: string;
  sections: DocSection[];
}

const orNone = (s: string, none = 'Not filled in yet'): string => (s.trim() ? s : none);
const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
const answer = (a: string | null): string => (a === 'yes' ? 'Yes' : a === 'no' ? 'No' : a === 'unsure' ? 'Not sure' : 'Not answered');
const impact: Record<string, string> = { positive: 'Positive', negative: 'Negative', neutral: 'No difference', unknown: 'Not known yet' };

type LegalKey = keyof typeof LEGAL_STEP_NAMES;
const LEGAL_KEYS = Object.keys(LEGAL_STEP_NAMES) as LegalKey[];

/** The level section: the answers, the recommendation under the ladder shown, the lead's choice. */
function levelBlocks(plan: InvolvementPlan, advice: DefensibleRecord): DocBlock[] {
  const c = plan.content;
  const ladder = advice.level.ladder;
  const rung = (l: string | null, none: string): string => (l ? ladderRung(l as Parameters<typeof ladderRung>[0], ladder).name : none);
  const factorAnswer = (f: (typeof LEVEL_FACTOR_ORDER)[number]): string => {
    const q = LEVEL_FACTOR_QUESTIONS[f] as { options: ReadonlyArray<{ value: string; label: string }> };
    return q.options.find((o) => o.value === advice.answers[f])?.label ?? 'Not answered';
  };
  return [
    {
      kind: 'facts',
      rows: [
        ['Recommended level', rung(advice.level.recommended, 'Not known yet')],
        ['Chosen level', rung(c.level.chosen, 'Not chosen yet')],
        ['Reason for a different level', orNone(c.level.reasonForDifferentLevel, 'Not needed')],
        ['Lowest level the legal checks allow', rung(advice.level.floor, 'No legal floor')],
        ['Ladder shown', LADDERS[ladder].title]
      ]
    },
    { kind: 'paragraph', text: 'Why this level:' },
    { kind: 'bullets', items: advice.level.reasons.map((r) => r.text) },
    ...(advice.level.cautions.length
      ? [
          { kind: 'paragraph' as const, text: 'Also think about:' },
          { kind: 'bullets' as const, items: advice.level.cautions.map((r) => r.text) }
        ]
      : []),
    {
      kind: 'table',
      headers: ['Question', 'Answer'],
      rows: [
        ...applicableTriageQuestions(advice.answers).map((q) => [TRIAGE_QUESTION_TEXT[q], answer(advice.answers[q])]),
        ...LEVEL_FACTOR_ORDER.map((f) => [LEVEL_FACTOR_QUESTIONS[f].text, factorAnswer(f)])
      ]
    }
  ];
}

/** The legal checks: each outcome, why, and what it asks. */
function legalBlocks(advice: DefensibleRecord): DocBlock[] {
  return [
    {
      kind: 'facts',
      rows: [
        ...LEGAL_KEYS.map((k): [string, string] => [LEGAL_STEP_NAMES[k], LEGAL_LIKELIHOOD_NAMES[advice.legal[k].likelihood]]),
        ['Programme', advice.route ? PROGRAMME_ROUTE_NAMES[advice.route] : 'Not known yet']
      ]
    },
    ...LEGAL_KEYS.flatMap((k): DocBlock[] => [
      { kind: 'paragraph', text: `${LEGAL_STEP_NAMES[k]}: why` },
      { kind: 'bullets', items: advice.legal[k].reasons.map((r) => r.text) },
      ...(advice.legal[k].actions.length
        ? [
            { kind: 'paragraph' as const, text: 'What this asks of you:' },
            { kind: 'bullets' as const, items: advice.legal[k].actions.map((a) => a.text) }
          ]
        : [])
    ])
  ];
}

/** The record of the advice at submission: when, under which rules and settings, and whether it still matches. */
function recordSection(plan: InvolvementPlan, advice: DefensibleRecord): DocSection {
  const check = checkDefensibleRecord(advice, plan.content);
  const keys = Object.keys(SETTING_GUIDANCE) as SettingKey[];
  return {
    heading: 'The advice when the plan was submitted',
    level: 2,
    blocks: [
      {
        kind: 'paragraph',
        text: `This plan's level and legal checks above are the advice recorded when it was submitted on ${formatDateTime(advice.madeAt)}, under the planner's rules of ${advice.rulesVersion} and the organisation's settings below.`
      },
      {
        kind: 'paragraph',
        text: !check.sameRules
          ? `The rules have changed since (now ${RULES_VERSION}): this is the advice as it was at the time.`
          : check.differences.length
            ? `The record does not match the plan's answers or the rules: ${check.differences.join(' ')}`
            : 'The record matches the plan’s answers under the same rules.'
      },
      { kind: 'facts', rows: keys.map((k): [string, string] => [SETTING_GUIDANCE[k].label, describeSetting(k, advice.settings[k])]) },
      ...(advice.timelineWarnings.length
        ? [
            { kind: 'paragraph' as const, text: 'Timeline warnings at submission:' },
            { kind: 'bullets' as const, items: advice.timelineWarnings.map((w) => w.text) }
          ]
        : [])
    ]
  };
}

function budgetTable(plan: InvolvementPlan): DocBlock[] {
  const lines = plan.content.budget;
  if (lines.length === 0) return [{ kind: 'paragraph', text: 'No costs added yet.' }];
  return [
    {
      kind: 'table',
      headers: ['Item', 'Cost each', 'How many', 'Cost'],
      rows: lines.map((l) => [
        l.description || (BUDGET_ITEMS.find((b) => b.id === l.item)?.name ?? ''),
        gbp(l.unitCostGbp),
        String(l.quantity),
        gbp(l.unitCostGbp * l.quantity)
      ])
    },
    { kind: 'paragraph', text: `Total: ${gbp(budgetTotalGbp(lines))}` }
  ];
}

const methodName = (id: string): string => ENGAGEMENT_METHODS.find((m) => m.id === id)?.name ?? id;

/** The stakeholder map: the grid as a two-by-two table (the picture), the register, and who we are not hearing from. */
function stakeholderMapSection(plan: InvolvementPlan, stakeholders: readonly Stakeholder[]): DocSection {
  if (stakeholders.length === 0)
    return { heading: 'Stakeholder map', level: 2, blocks: [{ kind: 'paragraph', text: 'No stakeholders added yet.' }] };
  const box = (q: GridQuadrant): string => {
    const names = stakeholders
      .filter((s) => s.quadrant === q)
      .map((s) => s.name)
      .sort((a, b) => a.localeCompare(b, 'en-GB'));
    return `${GRID_QUADRANT_INFO[q].name} (${names.length}): ${names.join(', ') || 'no one'}`;
  };
  const unplaced = stakeholders.filter((s) => s.quadrant === null).map((s) => s.name);
  const coverage = coverageMatrix(stakeholders, plan.content.stakeholderMap ?? { gapNotes: {} });
  const sorted = [...stakeholders].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return {
    heading: 'Stakeholder map',
    level: 2,
    blocks: [
      { kind: 'paragraph', text: 'Power and interest grid: power and influence upwards, interest to the right.' },
      {
        kind: 'table',
        headers: ['', 'Less interest', 'More interest'],
        rows: [
          ['More power', box('keepSatisfied'), box('manageClosely')],
          ['Less power', box('monitor'), box('keepInformed')]
        ]
      },
      ...(unplaced.length ? [{ kind: 'paragraph' as const, text: `Not placed on the grid yet: ${unplaced.join(', ')}.` }] : []),
      {
        kind: 'table',
        headers: ['Stakeholder', 'Type', 'Grid box', 'How we will engage them', 'Channel', 'Owner', 'Audience'],
        rows: sorted.map((s) => [
          s.name,
          STAKEHOLDER_KIND_NAMES[s.kind],
          quadrantName(s.quadrant),
          s.methods.map(methodName).join(', ') || 'Not planned yet',
          s.channel,
          s.owner,
          s.audience
        ])
      },
      { kind: 'paragraph', text: 'Who we are not hearing from:' },
      {
        kind: 'table',
        headers: ['Group', 'Stakeholders who reach them', 'Methods', 'What we will do about a gap'],
        rows: coverage.map((c) => [
          c.name,
          c.stakeholders.join(', ') || 'No one yet',
          c.methods.join(', ') || 'None',
          c.state === 'reached' ? 'Reached' : c.note || 'Gap: nothing said yet'
        ])
      }
    ]
  };
}

/**
 * The completed involvement planning template (NENC template; DOMAIN.md §2–§5, §7–§8) with the
 * template's headings. The advice is the record kept when the plan was submitted, if it has one;
 * otherwise the advice now under the organisation's saved `settings`, which the timeline is
 * checked against too.
 */
export function planningTemplateDocument(
  plan: InvolvementPlan,
  stakeholders: readonly Stakeholder[],
  settings: InvolvementSettings,
  now: string = new Date().toISOString()
): PlanDocument {
  const c = plan.content;
  const p = c.project;
  const advice = adviceForPlan(plan, settings, now);
  const warnings = timelineWarningsForPlan(c, settings);
  const groups = [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS];
  const principleName = (id: string): string =>
    [...GUNNING_PRINCIPLES.map((g) => ({ id: `gunning-${g.id}`, name: g.name })), ...TEN_PRINCIPLES].find((x) => x.id === id)?.name ?? id;
  return {
    title: `Involvement planning template: ${orNone(p.title, 'Untitled plan')}`,
    subtitle: `${orNone(p.organisation, 'Organisation not given')}. Project lead: ${plan.projectLead?.displayName ?? 'not set'}.`,
    sections: [
      {
        heading: 'About the project',
        level: 2,
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Project title', orNone(p.title)],
              ['The current service', orNone(p.currentService)],
              ['The focus of this involvement', orNone(p.focus)],
              ['What we already know', orNone(p.existingInsight)],
              ['Links to existing insight', p.insightLinks.map((l) => `${l.title} (${l.url})`).join('; ') || 'None'],
              ['In scope', orNone(p.inScope)],
              ['Not in scope', orNone(p.outOfScope, 'None given')],
              ['Level of the system', p.systemLevel ? p.systemLevel[0].toUpperCase() + p.systemLevel.slice(1) : 'Not filled in yet'],
              ['Place or neighbourhood', orNone(p.placeName, 'System-wide')],
              ['Organisation', orNone(p.organisation)],
              ['Project lead', plan.projectLead?.displayName ?? 'Not set'],
              ['Clinical lead', orNone(p.clinicalLead, 'None given')],
              ['Decision date', formatDate(p.decisionDate)],
              ['Who makes the decision', orNone(p.decisionBody)]
            ]
          }
        ]
      },
      {
        heading: 'Objectives',
        level: 2,
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['What we want to understand', orNone(c.objectives.whatWeWantToUnderstand)],
              ['Who is affected', orNone(c.objectives.whoIsAffected)]
            ]
          },
          { kind: 'paragraph', text: 'Decisions this engagement will inform:' },
          c.objectives.decisions.length
            ? { kind: 'bullets', items: c.objectives.decisions }
            : { kind: 'paragraph', text: 'None added yet.' }
        ]
      },
      ...(plan.adviceRecord && !plan.adviceRecord.ok
        ? [
            {
              heading: 'The advice when the plan was submitted',
              level: 2 as const,
              blocks: [{ kind: 'paragraph' as const, text: `The record kept at submission cannot be read: ${plan.adviceRecord.problem}` }]
            }
          ]
        : []),
      { heading: 'Level of engagement', level: 2, blocks: levelBlocks(plan, advice.record) },
      { heading: 'Legal checks', level: 2, blocks: legalBlocks(advice.record) },
      stakeholderMapSection(plan, stakeholders),
      {
        heading: 'Timeline',
        level: 2,
        blocks: c.timeline.length
          ? [
              {
                kind: 'table',
                headers: ['Step', 'Starts', 'Ends'],
                rows: c.timeline.map((s) => [
                  `${s.step}. ${guideStep(s.step).title}`,
                  s.skipped ? `Not needed: ${s.skipReason}` : formatDate(s.start),
                  s.skipped ? '' : formatDate(s.end)
                ])
              },
              ...(warnings.length
                ? [
                    { kind: 'paragraph' as const, text: 'Checked against the guidance and the organisation’s settings:' },
                    { kind: 'bullets' as const, items: warnings.map((w) => w.text) }
                  ]
                : [{ kind: 'paragraph' as const, text: 'The dates meet the guidance and the organisation’s settings.' }])
            ]
          : [{ kind: 'paragraph', text: 'No dates planned yet.' }]
      },
      {
        heading: 'Methods',
        level: 2,
        blocks: c.methods.length
          ? [
              {
                kind: 'table',
                headers: ['Method', 'Audience', 'Notes'],
                rows: c.methods.map((m) => [ENGAGEMENT_METHODS.find((x) => x.id === m.method)?.name ?? m.method, m.audience, m.notes])
              }
            ]
          : [{ kind: 'paragraph', text: 'No methods chosen yet.' }]
      },
      { heading: 'Budget', level: 2, blocks: budgetTable(plan) },
      {
        heading: 'Equality',
        level: 2,
        blocks: [
          {
            kind: 'table',
            headers: ['Group', 'Likely impact', 'How we will reach them'],
            rows: groups.map((g) => {
              const e = c.equality.considerations.find((x) => x.group === g.id);
              return [g.name, e?.likelyImpact ? impact[e.likelyImpact] : 'Not filled in yet', e?.howWeWillReachThem ?? ''];
            })
          },
          {
            kind: 'facts',
            rows: [
              [
                'Equality impact assessment',
                c.equality.eiaStatus === 'complete'
                  ? 'Complete'
                  : c.equality.eiaStatus === 'inProgress'
                    ? 'In progress'
                    : c.equality.eiaStatus === 'notStarted'
                      ? 'Not started'
                      : 'Not filled in yet'
              ],
              ['Link', orNone(c.equality.eiaLink, 'None')]
            ]
          }
        ]
      },
      {
        heading: 'Principles self-check',
        level: 2,
        blocks: c.principles.filter((x) => x.met).length
          ? [
              {
                kind: 'table',
                headers: ['Principle', 'Evidence'],
                rows: c.principles.filter((x) => x.met).map((x) => [principleName(x.principle), x.evidence])
              }
            ]
          : [{ kind: 'paragraph', text: 'Not completed yet.' }]
      },
      ...(advice.atSubmission ? [recordSection(plan, advice.record)] : [])
    ]
  };
}

/** The communications and engagement plan with the headings of PC Appendix 3 (DOMAIN.md §6). */
export function communicationsPlanDocument(plan: InvolvementPlan): PlanDocument {
  const c = plan.content.communications;
  const none = (s: string): DocBlock[] => [{ kind: 'paragraph', text: orNone(s) }];
  return {
    title: `Communications and engagement plan: ${orNone(plan.content.project.title, 'Untitled plan')}`,
    subtitle: orNone(plan.content.project.organisation, ''),
    sections: [
      {
        heading: 'Version table',
        level: 2,
        blocks: c.versions.length
          ? [
              {
                kind: 'table',
                headers: ['Version', 'Date', 'Contributors', 'Notes'],
                rows: c.versions.map((v) => [v.version, formatDate(v.date), v.contributors, v.notes])
              }
            ]
          : none('')
      },
      { heading: 'Introduction and background', level: 2, blocks: none(c.introduction) },
      { heading: 'Objective', level: 2, blocks: none(c.smartObjective) },
      { heading: 'Strategy overview', level: 2, blocks: none(c.strategy) },
      {
        heading: 'Situation analysis',
        level: 2,
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Political', orNone(c.pest.political)],
              ['Economic', orNone(c.pest.economic)],
              ['Social', orNone(c.pest.social)],
              ['Technological', orNone(c.pest.technological)]
            ]
          }
        ]
      },
      {
        heading: 'Risks and mitigations',
        level: 3,
        blocks: c.risks.length
          ? [{ kind: 'table', headers: ['Risk', 'Mitigation'], rows: c.risks.map((r) => [r.risk, r.mitigation]) }]
          : none('')
      },
      {
        heading: 'Audience',
        level: 2,
        blocks: c.audiences.length ? [{ kind: 'bullets', items: c.audiences.map((a) => a.audience) }] : none('')
      },
      {
        heading: 'Key messages',
        level: 2,
        blocks: c.audiences.length
          ? [{ kind: 'table', headers: ['Audience', 'Key messages'], rows: c.audiences.map((a) => [a.audience, a.keyMessages]) }]
          : none('')
      },
      {
        heading: 'Tactics',
        level: 2,
        blocks: c.audiences.length
          ? [{ kind: 'table', headers: ['Audience', 'Tactics'], rows: c.audiences.map((a) => [a.audience, a.tactics]) }]
          : none('')
      },
      {
        heading: 'Timescales and key dates',
        level: 2,
        blocks: c.keyDates.length
          ? [{ kind: 'table', headers: ['Date', 'What happens'], rows: c.keyDates.map((k) => [formatDate(k.date), k.what]) }]
          : none('')
      },
      {
        heading: 'Evaluation and KPIs',
        level: 2,
        blocks: c.kpis.length
          ? [{ kind: 'table', headers: ['Measure', 'Desired outcome'], rows: c.kpis.map((k) => [k.kpi, k.desiredOutcome]) }]
          : none('')
      },
      { heading: 'Budget', level: 2, blocks: budgetTable(plan) },
      {
        heading: 'Project leads and governance',
        level: 2,
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Who leads', orNone(c.governance.whoLeads)],
              ['Who approves', orNone(c.governance.whoApproves)]
            ]
          }
        ]
      }
    ]
  };
}
