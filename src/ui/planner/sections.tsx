import * as React from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title3,
  tokens
} from '@fluentui/react-components';
import {
  assessConsultation,
  BUDGET_ITEMS,
  budgetTotalGbp,
  checkTimeline,
  DEFAULT_SETTINGS,
  EIA_STATUSES,
  ENGAGEMENT_LEVEL_INFO,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_METHODS,
  GUIDE_STEPS,
  GUNNING_PRINCIPLES,
  guideStep,
  INEQUALITY_GROUPS,
  PROTECTED_CHARACTERISTICS,
  proposeTimeline,
  recommendLevel,
  SETTING_SOURCES,
  SOURCES,
  TEN_PRINCIPLES,
  TRIAGE_QUESTION_TEXT,
  TRIAGE_QUESTIONS,
  type BudgetItemId,
  type Likelihood,
  type MethodId,
  type PlannedStep,
  type PrincipleCheck
} from '../../domain';
import { ChoiceField, DateField, NumberField, RowsEditor, SelectField, TextField, TextListField } from '../editor/fields';
import { useEditor } from '../editor/EditorContext';
import { TimelineChart } from './TimelineChart';

const useStyles = makeStyles({
  card: { maxWidth: '48rem', marginBottom: tokens.spacingVerticalL },
  reasons: { marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  inline: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM
  },
  money: { textAlign: 'right' }
});

const sourceName = (id: string): string => (id in SOURCES ? SOURCES[id as keyof typeof SOURCES].title : id);
const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });

/** About the project (NENC template, DOMAIN.md §2). */
export function AboutSection(): JSX.Element {
  return (
    <>
      <TextField path="project.title" label="Project title" required />
      <TextField
        path="project.currentService"
        label="The current service"
        hint="What happens now, who uses it and where."
        multiline
        required
      />
      <TextField
        path="project.focus"
        label="The focus of this involvement"
        hint="What do you want people to help with?"
        multiline
        required
      />
      <TextField
        path="project.existingInsight"
        label="What we already know"
        hint="Existing insight: surveys, complaints, data, earlier engagement."
        multiline
        required
      />
      <RowsEditor
        path="project.insightLinks"
        legend="Links to existing insight"
        addLabel="Add a link"
        newRow={() => ({ title: '', url: '' })}
        rowLabel={(_r, i) => `Link ${i + 1}`}
        columns={[
          { key: 'title', label: 'Name of the document or page' },
          { key: 'url', label: 'Web address', hint: 'Starting with https://' }
        ]}
      />
      <TextField path="project.inScope" label="In scope" multiline required />
      <TextField path="project.outOfScope" label="Not in scope" multiline />
      <ChoiceField
        path="project.systemLevel"
        label="Level of the system"
        required
        options={[
          { value: 'system', label: 'System' },
          { value: 'place', label: 'Place' },
          { value: 'neighbourhood', label: 'Neighbourhood' }
        ]}
      />
      <TextField path="project.placeName" label="Place or neighbourhood" hint="Leave empty for system-wide work." />
      <TextField path="project.organisation" label="Organisation leading the project" required />
      <TextField path="project.clinicalLead" label="Clinical lead" />
      <DateField path="project.decisionDate" label="Date the decision will be made" required />
      <TextField
        path="project.decisionBody"
        label="The body that will make the decision"
        hint="For example: ICB board, or the trust's executive committee."
        required
      />
    </>
  );
}

/** Objectives and decisions (PC/LSC step 2). */
export function ObjectivesSection(): JSX.Element {
  return (
    <>
      <TextField
        path="objectives.whatWeWantToUnderstand"
        label="What we want to understand"
        hint="People's experiences and what they hope for. Be specific, measurable, achievable, relevant and time-bound (SMART)."
        multiline
        required
      />
      <TextListField
        path="objectives.decisions"
        legend="Decisions this engagement will inform"
        itemLabel="Decision"
        addLabel="Add a decision"
        hint="Engagement must be able to change these decisions (Gunning principle 1)."
      />
      <TextField
        path="objectives.whoIsAffected"
        label="Who is affected"
        hint="Directly or indirectly, now or in future (step 3)."
        multiline
      />
    </>
  );
}

const LIKELIHOOD_TEXT: Record<Likelihood, string> = {
  likely: 'Likely',
  possible: 'Possible: talk to the involvement team',
  unlikely: 'Unlikely'
};

/** Level of engagement and the legal triage (DOMAIN.md §4–§5). */
export function LevelSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const recommendation = recommendLevel(content.triage);
  const outcome = assessConsultation(content.triage);
  const answered = outcome.unanswered.length === 0;
  React.useEffect(() => {
    if (!readOnly && answered && content.level.recommended !== recommendation.level) update('level.recommended', recommendation.level);
  }, [answered, recommendation.level, content.level.recommended, readOnly, update]);
  const legal: Array<[string, { likelihood: Likelihood; reasons: Array<{ text: string; source: string }> }]> = [
    ['Formal public consultation', outcome.formalConsultation],
    ['Consulting the local authority (health scrutiny)', outcome.healthScrutiny],
    ['Notifying the Secretary of State', outcome.secretaryOfStateNotification]
  ];
  return (
    <>
      <Title3 as="h3" block>
        Questions about the change
      </Title3>
      {TRIAGE_QUESTIONS.map((q) => (
        <ChoiceField
          key={q}
          path={`triage.${q}`}
          label={TRIAGE_QUESTION_TEXT[q]}
          required
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'unsure', label: 'Not sure' }
          ]}
        />
      ))}
      <Card className={styles.card} aria-labelledby="legal-heading">
        <Title3 as="h3" block id="legal-heading">
          Legal checks
        </Title3>
        {!answered && <Body1>Answer all the questions to see the full result. {outcome.unanswered.length} still to answer.</Body1>}
        {legal.map(([name, result]) => (
          <div key={name}>
            <Text weight="semibold">{name}: </Text>
            <Badge
              appearance="tint"
              color={result.likelihood === 'likely' ? 'danger' : result.likelihood === 'possible' ? 'warning' : 'success'}
            >
              {LIKELIHOOD_TEXT[result.likelihood]}
            </Badge>
            <ul className={styles.reasons}>
              {result.reasons.map((r) => (
                <li key={r.text}>
                  {r.text} <Caption1>({sourceName(r.source)})</Caption1>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Card>
      <Card className={styles.card} aria-labelledby="recommended-heading">
        <Title3 as="h3" block id="recommended-heading">
          Recommended level: {ENGAGEMENT_LEVEL_INFO[recommendation.level].name}
        </Title3>
        <ul className={styles.reasons}>
          {recommendation.reasons.map((r) => (
            <li key={r.text}>
              {r.text} <Caption1>({sourceName(r.source)})</Caption1>
            </li>
          ))}
        </ul>
      </Card>
      <ChoiceField
        path="level.chosen"
        label="The level you will use"
        required
        layout="vertical"
        hint="Confirm the recommended level or choose another. The names other toolkits use are in brackets."
        options={ENGAGEMENT_LEVELS.map((l) => ({
          value: l,
          label: `${ENGAGEMENT_LEVEL_INFO[l].name}: ${ENGAGEMENT_LEVEL_INFO[l].description} (${[...new Set(ENGAGEMENT_LEVEL_INFO[l].aliases.map((a) => a.name))].join(', ')})`
        }))}
      />
      {content.level.chosen !== null && content.level.chosen !== recommendation.level && (
        <TextField path="level.reasonForDifferentLevel" label="Why you chose a different level" multiline required />
      )}
    </>
  );
}

/** The 9-step timeline with the guidance's minimum durations and warnings (DOMAIN.md §3). */
export function TimelineSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const formal = assessConsultation(content.triage).formalConsultation.likelihood === 'likely';
  const inputs = { decisionDate: content.project.decisionDate, formalConsultation: formal, settings: DEFAULT_SETTINGS };
  const warnings = content.timeline.length ? checkTimeline(content.timeline, inputs) : [];
  const propose = (): void => update('timeline', proposeTimeline({ ...inputs, level: content.level.chosen }));
  const followed: Array<keyof typeof SETTING_SOURCES> = formal
    ? ['planningLeadWeeks', 'consultationProgrammeMinimumMonths', 'consultationMinimumWeeks', 'reportDueWeeksAfterClose']
    : ['planningLeadWeeks', 'engagementMinimumMonths'];
  return (
    <>
      <div className={styles.inline}>
        <Button appearance="primary" disabled={readOnly || !content.project.decisionDate} onClick={propose}>
          {content.timeline.length ? 'Propose dates again from the decision date' : 'Propose dates from the decision date'}
        </Button>
        {!content.project.decisionDate && <Body1>Add the decision date in “About the project” first.</Body1>}
      </div>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check these dates against the guidance</MessageBarTitle>
            <ul>
              {warnings.map((w) => (
                <li key={w.text}>
                  {w.text} <Caption1>({sourceName(w.source)})</Caption1>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 as="p">Dates are checked against this guidance: {followed.map((k) => SETTING_SOURCES[k]).join('; ')}.</Caption1>
      {content.timeline.length > 0 && <TimelineChart steps={content.timeline} />}
      {content.timeline.length > 0 && (
        <Table aria-label="Timeline: the 9 steps with planned dates">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Step</TableHeaderCell>
              <TableHeaderCell>Guidance</TableHeaderCell>
              <TableHeaderCell>Dates</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {content.timeline.map((s: PlannedStep, i) => {
              const info = guideStep(s.step);
              return (
                <TableRow key={s.step}>
                  <TableCell>
                    <Text weight="semibold">
                      {s.step}. {info.title}
                    </Text>
                  </TableCell>
                  <TableCell>
                    <Caption1>
                      {info.durationText ?? 'No set length'}
                      {info.mayBeSkipped ? ` May be skipped: ${info.mayBeSkipped}` : ''}
                    </Caption1>
                  </TableCell>
                  <TableCell>
                    <Checkbox
                      label="Not needed"
                      checked={s.skipped}
                      disabled={readOnly}
                      onChange={(_e, d) => update(`timeline.${i}.skipped`, d.checked === true)}
                    />
                    {s.skipped ? (
                      <TextField path={`timeline.${i}.skipReason`} label={`Why step ${s.step} is not needed`} />
                    ) : (
                      <>
                        <DateField path={`timeline.${i}.start`} label={`Step ${s.step} starts`} hint=" " />
                        <DateField path={`timeline.${i}.end`} label={`Step ${s.step} ends`} hint=" " />
                      </>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {content.timeline.length === 0 && !readOnly && (
        <Button
          onClick={() =>
            update(
              'timeline',
              GUIDE_STEPS.map((g) => ({ step: g.id, start: '', end: '', skipped: false, skipReason: '' }))
            )
          }
        >
          Enter the dates myself
        </Button>
      )}
    </>
  );
}

/** Methods per audience and the budget (DOMAIN.md §7). */
export function MethodsSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const [method, setMethod] = React.useState<MethodId | ''>('');
  const [item, setItem] = React.useState<BudgetItemId | ''>('');
  const total = budgetTotalGbp(content.budget);
  return (
    <>
      <Title3 as="h3" block>
        Methods
      </Title3>
      {!readOnly && (
        <div className={styles.inline}>
          <Field label="Choose a method to add">
            <Select value={method} onChange={(_e, d) => setMethod(d.value as MethodId | '')}>
              <option value="">Choose a method</option>
              {ENGAGEMENT_METHODS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={!method}
            onClick={() => {
              if (method) {
                update('methods', [...content.methods, { method, audience: '', notes: '' }]);
                setMethod('');
              }
            }}
          >
            Add method
          </Button>
        </div>
      )}
      <RowsEditor
        path="methods"
        legend="Methods you will use"
        addLabel=""
        newRow={() => ({})}
        columns={[
          { key: 'audience', label: 'Who it is for (audience)' },
          { key: 'notes', label: 'Notes', multiline: true }
        ]}
        rowLabel={(row) => ENGAGEMENT_METHODS.find((m) => m.id === row.method)?.name ?? 'Method'}
        renderExtra={(i) => {
          const m = ENGAGEMENT_METHODS.find((x) => x.id === content.methods[i]?.method);
          return m ? (
            <Caption1 as="p">
              Good for: {m.goodFor} Access: {m.accessibilityNotes}
            </Caption1>
          ) : null;
        }}
      />
      <Title3 as="h3" block>
        Budget
      </Title3>
      {!readOnly && (
        <div className={styles.inline}>
          <Field label="Choose a cost to add">
            <Select value={item} onChange={(_e, d) => setItem(d.value as BudgetItemId | '')}>
              <option value="">Choose a cost</option>
              {BUDGET_ITEMS.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                  {b.defaultUnitCostGbp ? ` (about ${gbp(b.defaultUnitCostGbp)} ${b.unit})` : ''}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={!item}
            onClick={() => {
              const b = BUDGET_ITEMS.find((x) => x.id === item);
              if (b) {
                update('budget', [...content.budget, { item: b.id, description: b.name, unitCostGbp: b.defaultUnitCostGbp, quantity: 1 }]);
                setItem('');
              }
            }}
          >
            Add cost
          </Button>
          <Button
            disabled={readOnly}
            onClick={() => update('budget', [...content.budget, { item: null, description: '', unitCostGbp: 0, quantity: 1 }])}
          >
            Add another cost
          </Button>
        </div>
      )}
      {content.budget.map((line, i) => (
        <Card key={i} className={styles.card} aria-label={`Cost ${i + 1}: ${line.description || 'not named yet'}`}>
          <TextField path={`budget.${i}.description`} label={`Cost ${i + 1}: what it is`} />
          <div className={styles.inline}>
            <NumberField path={`budget.${i}.unitCostGbp`} label="Cost each (£)" step={0.01} />
            <NumberField path={`budget.${i}.quantity`} label="How many" min={1} />
            <Text>= {gbp(line.unitCostGbp * line.quantity)}</Text>
            {!readOnly && (
              <Button
                appearance="subtle"
                onClick={() =>
                  update(
                    'budget',
                    content.budget.filter((_l, j) => j !== i)
                  )
                }
              >
                Remove cost {i + 1}
              </Button>
            )}
          </div>
        </Card>
      ))}
      <Text as="p" weight="semibold" aria-live="polite">
        Total budget: {gbp(total)}
      </Text>
    </>
  );
}

/** Equality: each protected characteristic and group facing inequalities (DOMAIN.md §8). */
export function EqualitySection(): JSX.Element {
  const { content } = useEditor();
  const groups = [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS];
  return (
    <>
      <Body1 as="p">
        Know who you are not hearing from. For each group, say the likely impact of the change and how you will reach people.
      </Body1>
      {groups.map((g) => {
        const index = content.equality.considerations.findIndex((c) => c.group === g.id);
        if (index < 0) return null;
        return (
          <fieldset key={g.id} id={`field-equality-${g.id}`}>
            <legend>
              <Text weight="semibold">{g.name}</Text>
            </legend>
            <SelectField
              path={`equality.considerations.${index}.likelyImpact`}
              label={`Likely impact on ${g.name.toLowerCase()}`}
              emptyLabel="Choose"
              options={[
                { value: 'positive', label: 'Positive' },
                { value: 'negative', label: 'Negative' },
                { value: 'neutral', label: 'No difference' },
                { value: 'unknown', label: 'Not known yet' }
              ]}
            />
            <TextField
              path={`equality.considerations.${index}.howWeWillReachThem`}
              label={`How we will reach ${g.name.toLowerCase()}`}
              multiline
            />
          </fieldset>
        );
      })}
      <ChoiceField
        path="equality.eiaStatus"
        label="Equality impact assessment"
        required
        options={EIA_STATUSES.map((s) => ({
          value: s,
          label: s === 'notStarted' ? 'Not started' : s === 'inProgress' ? 'In progress' : 'Complete'
        }))}
      />
      <TextField path="equality.eiaLink" label="Link to the equality impact assessment" hint="Starting with https://" />
    </>
  );
}

/** The communications and engagement plan (PC Appendix 3, DOMAIN.md §6). */
export function CommunicationsSection(): JSX.Element {
  return (
    <>
      <RowsEditor
        path="communications.versions"
        legend="Version table"
        addLabel="Add a version"
        newRow={() => ({ version: '', date: '', contributors: '', notes: '' })}
        rowLabel={(r, i) => `Version ${String(r.version || i + 1)}`}
        columns={[
          { key: 'version', label: 'Version' },
          { key: 'date', label: 'Date', type: 'date' },
          { key: 'contributors', label: 'Contributors' },
          { key: 'notes', label: 'Notes' }
        ]}
      />
      <TextField path="communications.introduction" label="Introduction and background" multiline />
      <TextField
        path="communications.smartObjective"
        label="Objective"
        hint="Specific, measurable, achievable, relevant and time-bound."
        multiline
        required
      />
      <TextField path="communications.strategy" label="Strategy overview" multiline />
      <Title3 as="h3" block>
        Situation analysis (PEST)
      </Title3>
      <TextField
        path="communications.pest.political"
        label="Political"
        hint="For example elections, national policy, councillors' views."
        multiline
      />
      <TextField path="communications.pest.economic" label="Economic" hint="For example cost of living, funding, travel costs." multiline />
      <TextField path="communications.pest.social" label="Social" hint="For example communities affected, languages, trust." multiline />
      <TextField
        path="communications.pest.technological"
        label="Technological"
        hint="For example digital access, online booking."
        multiline
      />
      <RowsEditor
        path="communications.risks"
        legend="Risks and how we will reduce them"
        addLabel="Add a risk"
        newRow={() => ({ risk: '', mitigation: '' })}
        rowLabel={(_r, i) => `Risk ${i + 1}`}
        columns={[
          { key: 'risk', label: 'Risk', multiline: true },
          { key: 'mitigation', label: 'How we will reduce it', multiline: true }
        ]}
      />
      <RowsEditor
        path="communications.audiences"
        legend="Audiences, key messages and tactics"
        addLabel="Add an audience"
        newRow={() => ({ audience: '', keyMessages: '', tactics: '' })}
        rowLabel={(r, i) => String(r.audience || `Audience ${i + 1}`)}
        columns={[
          { key: 'audience', label: 'Audience' },
          { key: 'keyMessages', label: 'Key messages', multiline: true },
          { key: 'tactics', label: 'Tactics', multiline: true }
        ]}
      />
      <AudienceLinks />
      <RowsEditor
        path="communications.keyDates"
        legend="Key dates"
        addLabel="Add a key date"
        newRow={() => ({ date: '', what: '' })}
        rowLabel={(_r, i) => `Key date ${i + 1}`}
        columns={[
          { key: 'date', label: 'Date', type: 'date' },
          { key: 'what', label: 'What happens' }
        ]}
      />
      <RowsEditor
        path="communications.kpis"
        legend="Evaluation: measures and desired outcomes"
        addLabel="Add a measure"
        newRow={() => ({ kpi: '', desiredOutcome: '' })}
        rowLabel={(_r, i) => `Measure ${i + 1}`}
        columns={[
          { key: 'kpi', label: 'Measure (KPI)' },
          { key: 'desiredOutcome', label: 'Desired outcome', multiline: true }
        ]}
      />
      <Title3 as="h3" block>
        Governance
      </Title3>
      <div id="field-communications-governance">
        <TextField path="communications.governance.whoLeads" label="Who leads" required />
        <TextField path="communications.governance.whoApproves" label="Who approves" required />
      </div>
    </>
  );
}

/** Which stakeholders on the map belong to each audience (linked from each stakeholder's details). */
function AudienceLinks(): JSX.Element | null {
  const { content, stakeholders } = useEditor();
  const audiences = content.communications.audiences.map((a) => a.audience.trim()).filter(Boolean);
  if (stakeholders === null || audiences.length === 0) return null;
  const orphans = stakeholders.filter((s) => s.audience && !audiences.includes(s.audience));
  return (
    <section aria-label="Stakeholders in each audience">
      <Title3 as="h3" block>
        Stakeholders in each audience
      </Title3>
      <ul>
        {audiences.map((a) => {
          const who = stakeholders.filter((s) => s.audience === a).map((s) => s.name);
          return (
            <li key={a}>
              {a}: {who.length ? who.join(', ') : 'no one on the stakeholder map is linked yet (link them in each stakeholder’s details)'}
            </li>
          );
        })}
        {orphans.length > 0 && (
          <li>Linked to an audience that is no longer here: {orphans.map((s) => `${s.name} (${s.audience})`).join(', ')}</li>
        )}
      </ul>
    </section>
  );
}

/** Self-check against the Gunning principles and the ten principles, with evidence. */
export function PrinciplesCheck(): JSX.Element {
  const { content, update, readOnly } = useEditor();
  const all = [
    ...GUNNING_PRINCIPLES.map((p) => ({ id: `gunning-${p.id}`, name: p.name })),
    ...TEN_PRINCIPLES.map((p) => ({ id: p.id, name: p.name }))
  ];
  const checkFor = (id: string): PrincipleCheck =>
    content.principles.find((p) => p.principle === id) ?? { principle: id, met: false, evidence: '' };
  const set = (id: string, change: Partial<PrincipleCheck>): void => {
    const rest = content.principles.filter((p) => p.principle !== id);
    update('principles', [...rest, { ...checkFor(id), ...change }]);
  };
  return (
    <>
      {[
        ['The Gunning principles', all.slice(0, 4)],
        ['The ten principles for working with people and communities', all.slice(4)]
      ].map(([title, list]) => (
        <fieldset key={title as string}>
          <legend>
            <Text weight="semibold">{title as string}</Text>
          </legend>
          {(list as Array<{ id: string; name: string }>).map((p) => {
            const c = checkFor(p.id);
            return (
              <div key={p.id}>
                <Checkbox label={p.name} checked={c.met} disabled={readOnly} onChange={(_e, d) => set(p.id, { met: d.checked === true })} />
                {c.met && (
                  <Field label="Evidence" hint="How the plan shows this.">
                    <Textarea value={c.evidence} readOnly={readOnly} onChange={(_e, d) => set(p.id, { evidence: d.value })} />
                  </Field>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
