import * as React from 'react';
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Select,
  Text,
  Title3
} from '@fluentui/react-components';
import {
  ACCESSIBLE_FORMAT_LABELS,
  ACCESSIBLE_FORMATS,
  ACTIVITY_SETTING_LABELS,
  ACTIVITY_SETTINGS,
  activitySchema,
  ALL_EQUALITY_GROUPS,
  budgetLineLabel,
  ENGAGEMENT_METHODS,
  INEQUALITY_GROUPS,
  monitor,
  newActivity,
  planAudiences,
  PROTECTED_CHARACTERISTICS,
  toFieldProblems,
  type AccessibleFormat,
  type Activity,
  type FieldProblem,
  type StoredPlan
} from '../../domain';
import { formatDate } from '../common/format';
import { useAsync } from '../common/useAsync';
import { useServices } from '../shell/services';
import { FormButtons, newRowId, problemAt, TextInput, toCount, useFormStyles } from './formParts';
import type { RecordEditor } from './useRecordEditor';

const GROUP_NAMES: Record<string, string> = Object.fromEntries(
  [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].map((g) => [g.id, g.name])
);
const METHOD_NAMES: Record<string, string> = Object.fromEntries(ENGAGEMENT_METHODS.map((m) => [m.id, m.name]));
const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
const overUnder = (n: number): string => (n > 0 ? `${gbp(n)} over budget` : n < 0 ? `${gbp(-n)} under budget` : 'on budget');
const today = (): string => new Date().toISOString().slice(0, 10);

/** The key of an amount in the form: a budget line's position, or `other` for what the budget did not plan. */
type CostKey = `${number}` | 'other';

type Draft = Omit<Activity, 'costGbp' | 'costs' | 'participants' | 'responses' | 'reached'> & {
  /** The whole cost, typed, when the plan has no budget lines to spend against. */
  costGbp: string;
  /** The cost against each budget line, typed, when it has. */
  costs: Partial<Record<CostKey, string>>;
  participants: string;
  responses: string;
  reached: Record<string, string>;
};

const amount = (n: number): string => String(n);

function toDraft(a: Activity, budgetLines: number): Draft {
  const costs: Draft['costs'] = {};
  for (const c of a.costs) {
    // A line the budget no longer has counts as not planned (as in monitoring): nothing is dropped.
    const key: CostKey = c.line === null || c.line >= budgetLines ? 'other' : `${c.line}`;
    costs[key] = amount(Math.round((Number(costs[key] ?? 0) + c.gbp) * 100) / 100);
  }
  // An activity recorded before costs were split: its whole cost was not against a line.
  if (a.costs.length === 0 && a.costGbp > 0) costs.other = amount(a.costGbp);
  return {
    ...a,
    costGbp: amount(a.costGbp),
    costs,
    participants: String(a.participants),
    responses: String(a.responses),
    reached: Object.fromEntries(Object.entries(a.reached).map(([k, v]) => [k, String(v)]))
  };
}

const toMoney = (text: string): number => Number(text.trim());

/**
 * The activity to check from what was typed, and which amount each `costs.N` is (so a problem
 * with an amount shows at its own box).
 */
function fromDraft(d: Draft, budgetLines: number): { value: unknown; costKeys: CostKey[] } {
  const reached: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.reached)) {
    const n = toCount(v);
    if (n !== null && n !== 0) reached[k] = n;
  }
  const costKeys: CostKey[] = budgetLines === 0 ? [] : [...Array.from({ length: budgetLines }, (_v, i) => `${i}` as const), 'other'];
  const typed = costKeys.filter((k) => (d.costs[k] ?? '').trim() !== '');
  const costs = typed.map((k) => ({ line: k === 'other' ? null : Number(k), gbp: toMoney(d.costs[k] ?? '') }));
  const total = Math.round(costs.reduce((s, c) => s + c.gbp, 0) * 100) / 100;
  return {
    value: {
      ...d,
      costGbp: budgetLines === 0 ? (d.costGbp.trim() === '' ? 0 : toMoney(d.costGbp)) : total,
      costs,
      participants: toCount(d.participants) ?? 0,
      responses: toCount(d.responses) ?? 0,
      reached
    },
    costKeys: typed
  };
}

/**
 * Who the activity was for: the plan's audiences and stakeholders from its map (picked, by name),
 * and anyone else in the lead's words. A name no longer in the plan stays picked, so nothing is lost.
 */
function AudiencePicker({
  plan,
  d,
  set,
  setOther
}: {
  plan: StoredPlan;
  d: Draft;
  set(audiences: string[]): void;
  setOther(text: string): void;
}): JSX.Element {
  const styles = useFormStyles();
  const services = useServices();
  const load = React.useCallback(() => services.stakeholders.listForPlan(plan.id), [services, plan.id]);
  const [stakeholders, retry] = useAsync(load);
  const [query, setQuery] = React.useState('');
  const planned = planAudiences(plan);
  const shown = [...planned, ...d.audiences.filter((a) => !planned.includes(a))];
  const toggle = (name: string, on: boolean): void => set(on ? [...d.audiences, name] : d.audiences.filter((a) => a !== name));
  const names = stakeholders.status === 'ready' ? [...new Set(stakeholders.value.map((s) => s.name))] : [];
  const q = query.trim().toLowerCase();
  const matches = names.filter((n) => !d.audiences.includes(n) && n.toLowerCase().includes(q)).slice(0, 50);
  return (
    <fieldset className={styles.fieldset}>
      <legend>Who it was for</legend>
      {shown.length === 0 ? (
        <Text as="p" block>
          The plan names no audiences. Add stakeholders from its map, or say who it was for below.
        </Text>
      ) : (
        shown.map((a) => (
          <Checkbox
            key={a}
            label={planned.includes(a) ? `${a} (an audience in the plan)` : a}
            checked={d.audiences.includes(a)}
            onChange={(_e, v) => toggle(a, v.checked === true)}
          />
        ))
      )}
      {stakeholders.status === 'failed' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The plan’s stakeholder map could not be read, so its stakeholders cannot be picked now. You can still tick the plan’s audiences
            or say who it was for below.
          </MessageBarBody>
          <Button size="small" onClick={retry}>
            Try again
          </Button>
        </MessageBar>
      ) : (
        <div className={styles.field}>
          <Field
            label="Add a stakeholder from the plan’s map"
            hint={
              stakeholders.status === 'loading'
                ? 'Reading the stakeholder map…'
                : names.length === 0
                  ? 'The plan’s stakeholder map is empty.'
                  : 'Type part of a name, then choose it.'
            }
          >
            <Combobox
              disabled={stakeholders.status !== 'ready' || names.length === 0}
              value={query}
              selectedOptions={[]}
              onChange={(e) => setQuery(e.target.value)}
              onOptionSelect={(_e, data) => {
                if (!data.optionValue) return;
                set([...d.audiences, data.optionValue]);
                setQuery('');
              }}
            >
              {matches.length > 0 ? (
                matches.map((n) => (
                  <Option key={n} value={n}>
                    {n}
                  </Option>
                ))
              ) : (
                <Option disabled value="" text="No stakeholder matches">
                  No stakeholder on the map matches “{query}”
                </Option>
              )}
            </Combobox>
          </Field>
        </div>
      )}
      <TextInput label="Anyone else it was for" value={d.audience} onChange={setOther} />
    </fieldset>
  );
}

/** What the activity cost: against each line of the plan's budget, or in all when it has none. */
function CostFields({
  plan,
  d,
  setCosts,
  setTotal,
  problems,
  costKeys
}: {
  plan: StoredPlan;
  d: Draft;
  setCosts(costs: Draft['costs']): void;
  setTotal(v: string): void;
  problems: readonly FieldProblem[];
  costKeys: readonly CostKey[];
}): JSX.Element {
  const styles = useFormStyles();
  const budget = plan.content.budget;
  if (budget.length === 0)
    return (
      <TextInput label="Actual cost (£)" type="number" value={d.costGbp} onChange={setTotal} message={problemAt(problems, 'costGbp')} />
    );
  const at = (key: CostKey): string | undefined => {
    const i = costKeys.indexOf(key);
    return i < 0 ? undefined : problemAt(problems, `costs.${i}`);
  };
  const typed = Object.values(d.costs).map((v) => Number((v ?? '').trim() || 0));
  const total = typed.every(Number.isFinite) ? gbp(typed.reduce((s, n) => s + n, 0)) : 'not known until every amount is a number';
  const keys: CostKey[] = [...budget.map((_l, i) => `${i}` as const), 'other'];
  return (
    <fieldset className={styles.fieldset}>
      <legend>What it cost, against the plan’s budget</legend>
      <div className={styles.grid}>
        {keys.map((k) => {
          const line = k === 'other' ? undefined : budget[Number(k)];
          return (
            <TextInput
              key={k}
              label={line ? `${budgetLineLabel(line, Number(k))} (£)` : 'Anything not in the plan’s budget (£)'}
              hint={line ? `Planned: ${gbp(line.unitCostGbp * line.quantity)}` : undefined}
              type="number"
              value={d.costs[k] ?? ''}
              onChange={(v) => setCosts({ ...d.costs, [k]: v })}
              message={at(k)}
            />
          );
        })}
      </div>
      <Text as="p" block aria-live="polite">
        Actual cost: {total}
      </Text>
    </fieldset>
  );
}

/** The form for one activity: what took place, and who took part (counts only). */
function ActivityForm({
  plan,
  initial,
  busy,
  onSave,
  onCancel
}: {
  plan: StoredPlan;
  initial: Activity;
  busy: boolean;
  onSave(a: Activity): Promise<boolean>;
  onCancel(): void;
}): JSX.Element {
  const styles = useFormStyles();
  const [d, setD] = React.useState<Draft>(() => toDraft(initial, plan.content.budget.length));
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const [costKeys, setCostKeys] = React.useState<CostKey[]>([]);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]): void =>
      setD((was) => ({ ...was, [key]: value }));
  const planned = new Set(plan.content.methods.map((m) => m.method));
  const methods = [...ENGAGEMENT_METHODS].sort((a, b) => Number(planned.has(b.id)) - Number(planned.has(a.id)));
  const save = async (): Promise<void> => {
    const { value, costKeys: keys } = fromDraft(d, plan.content.budget.length);
    setCostKeys(keys);
    const result = activitySchema.safeParse(value);
    if (!result.success) {
      setProblems(toFieldProblems(result.error));
      return;
    }
    setProblems([]);
    await onSave(result.data);
  };
  return (
    <form
      aria-label={initial.title ? `Edit activity: ${initial.title}` : 'New activity'}
      className={styles.card}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {problems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Check the activity</MessageBarTitle>
            {problems.length === 1 ? 'One answer needs changing.' : `${problems.length} answers need changing.`} Nothing you typed has been
            lost.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <TextInput label="What took place" required value={d.title} onChange={set('title')} message={problemAt(problems, 'title')} />
        <TextInput
          label="First day"
          type="date"
          required
          value={d.start}
          onChange={set('start')}
          message={problemAt(problems, 'start')}
          hint="For example 14/03/2027"
        />
        <TextInput
          label="Last day (if more than one day)"
          type="date"
          value={d.end}
          onChange={set('end')}
          message={problemAt(problems, 'end')}
        />
        <div className={styles.field}>
          <Field label="Method" required hint="The plan's methods are listed first." validationMessage={problemAt(problems, 'method')}>
            <Select value={d.method} onChange={(_e, v) => set('method')(v.value as Activity['method'])}>
              {methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                  {planned.has(m.id) ? ' (in the plan)' : ''}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.field}>
          <Field label="Where">
            <RadioGroup layout="horizontal" value={d.setting} onChange={(_e, v) => set('setting')(v.value as Activity['setting'])}>
              {ACTIVITY_SETTINGS.map((s) => (
                <Radio key={s} value={s} label={ACTIVITY_SETTING_LABELS[s]} />
              ))}
            </RadioGroup>
          </Field>
        </div>
        <TextInput label="Place or locality" hint="For example Hexham, or the online platform" value={d.place} onChange={set('place')} />
        <TextInput label="Who ran it" value={d.runBy} onChange={set('runBy')} />
        {plan.content.budget.length === 0 && (
          <CostFields plan={plan} d={d} setCosts={set('costs')} setTotal={set('costGbp')} problems={problems} costKeys={costKeys} />
        )}
        <TextInput
          label="People who took part"
          type="number"
          value={d.participants}
          onChange={set('participants')}
          message={problemAt(problems, 'participants')}
        />
        <TextInput
          label="Responses received"
          hint="For example survey returns or comment cards"
          type="number"
          value={d.responses}
          onChange={set('responses')}
          message={problemAt(problems, 'responses')}
        />
      </div>
      {plan.content.budget.length > 0 && (
        <CostFields plan={plan} d={d} setCosts={set('costs')} setTotal={set('costGbp')} problems={problems} costKeys={costKeys} />
      )}
      <AudiencePicker plan={plan} d={d} set={set('audiences')} setOther={set('audience')} />
      <fieldset className={styles.fieldset}>
        <legend>Materials in accessible formats</legend>
        {ACCESSIBLE_FORMATS.map((f) => (
          <Checkbox
            key={f}
            label={ACCESSIBLE_FORMAT_LABELS[f]}
            checked={d.formats.includes(f)}
            onChange={(_e, v) => set('formats')(v.checked ? [...d.formats, f] : d.formats.filter((x: AccessibleFormat) => x !== f))}
          />
        ))}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Who took part, by group (numbers only — never names)</legend>
        <Text as="p" block>
          Leave a box empty if you do not know. One person may count in several groups.
        </Text>
        <div className={styles.grid}>
          {ALL_EQUALITY_GROUPS.map((g) => (
            <TextInput
              key={g}
              label={GROUP_NAMES[g] ?? g}
              type="number"
              value={d.reached[g] ?? ''}
              onChange={(v) => set('reached')({ ...d.reached, [g]: v })}
              message={problemAt(problems, `reached.${g}`)}
            />
          ))}
        </div>
      </fieldset>
      <TextInput label="Notes" multiline value={d.notes} onChange={set('notes')} />
      <FormButtons busy={busy} onSave={() => void save()} onCancel={onCancel} saveLabel="Save activity" />
    </form>
  );
}

/**
 * The engagement log and monitoring while it runs (LSC step 7: "continuous monitoring … waiting
 * until the end is too late"): activities, responses against the target, by locality, who we are
 * still not hearing from, and spend against the budget.
 */
export function LogSection({ plan, editor, editable }: { plan: StoredPlan; editor: RecordEditor; editable: boolean }): JSX.Element {
  const styles = useFormStyles();
  const content = editor.record.content;
  const [editing, setEditing] = React.useState<Activity>();
  const [target, setTarget] = React.useState(content.responseTarget === null ? '' : String(content.responseTarget));
  const [closedOn, setClosedOn] = React.useState(content.report.engagementClosed);
  const m = monitor(plan, content);
  const busy = editor.save.kind === 'saving';
  const saveActivity = async (a: Activity): Promise<boolean> => {
    const exists = content.activities.some((x) => x.id === a.id);
    const ok = await editor.change({
      ...content,
      activities: exists ? content.activities.map((x) => (x.id === a.id ? a : x)) : [...content.activities, a]
    });
    if (ok) setEditing(undefined);
    return ok;
  };
  return (
    <section aria-labelledby="after-log">
      <Title3 as="h3" id="after-log" block>
        Engagement log
      </Title3>
      {content.activities.length === 0 ? (
        <Text as="p" block>
          No activities recorded yet.
        </Text>
      ) : (
        <table className={styles.table}>
          <caption>Activities that took place</caption>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">When</th>
              <th scope="col">Method</th>
              <th scope="col">Where</th>
              <th scope="col">Took part</th>
              <th scope="col">Responses</th>
              <th scope="col">Cost</th>
              {editable && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {content.activities.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td>{a.end && a.end !== a.start ? `${formatDate(a.start)} to ${formatDate(a.end)}` : formatDate(a.start)}</td>
                <td>{METHOD_NAMES[a.method]}</td>
                <td>{[ACTIVITY_SETTING_LABELS[a.setting], a.place].filter(Boolean).join(': ')}</td>
                <td>{a.participants}</td>
                <td>{a.responses}</td>
                <td>{gbp(a.costGbp)}</td>
                {editable && (
                  <td>
                    <Button size="small" aria-label={`Edit ${a.title}`} onClick={() => setEditing(a)}>
                      Edit
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && !editing && (
        <Button appearance="primary" onClick={() => setEditing(newActivity(newRowId('a'), today()))}>
          Add an activity
        </Button>
      )}
      {editing && (
        <ActivityForm
          key={editing.id}
          plan={plan}
          initial={editing}
          busy={busy}
          onSave={saveActivity}
          onCancel={() => setEditing(undefined)}
        />
      )}

      {editable && (
        <div className={styles.actions}>
          <TextInput
            label="Date the engagement closed"
            hint="The last day people could take part. The report is due from it."
            type="date"
            value={closedOn}
            onChange={setClosedOn}
          />
          <Button
            disabled={busy}
            onClick={() => void editor.change({ ...content, report: { ...content.report, engagementClosed: closedOn } })}
          >
            Save date closed
          </Button>
        </div>
      )}

      <Title3 as="h3" block>
        Monitoring
      </Title3>
      <Text as="p" block>
        Check who you are reaching while the engagement runs: waiting until the end is too late (LSC step 7).
      </Text>
      <dl aria-label="Monitoring figures">
        <dt>People who took part</dt>
        <dd>{m.participants}</dd>
        <dt>Responses</dt>
        <dd>
          {m.responses}
          {m.responseTarget ? ` of a target of ${m.responseTarget} (${m.responsePercent}%)` : ' (no target set)'}
        </dd>
        <dt>Spend</dt>
        <dd>
          {gbp(m.spentGbp)} of {gbp(m.budgetGbp)}: {overUnder(m.overUnderGbp)}
        </dd>
      </dl>
      {editable && (
        <div className={styles.actions}>
          <TextInput
            label="Response target"
            hint="How many responses the plan aims for"
            type="number"
            value={target}
            onChange={setTarget}
          />
          <Button
            disabled={busy}
            onClick={() => {
              const n = toCount(target);
              void editor.change({ ...content, responseTarget: n });
            }}
          >
            Save target
          </Button>
        </div>
      )}
      {m.byBudgetLine.length > 0 && (
        <table className={styles.table}>
          <caption>Spend by budget line</caption>
          <thead>
            <tr>
              <th scope="col">Budget line</th>
              <th scope="col">Planned</th>
              <th scope="col">Spent</th>
              <th scope="col">Over or under</th>
            </tr>
          </thead>
          <tbody>
            {m.byBudgetLine.map((l) => (
              <tr key={l.line ?? 'other'}>
                <th scope="row">{l.label}</th>
                <td>{gbp(l.plannedGbp)}</td>
                <td>{gbp(l.spentGbp)}</td>
                <td>{overUnder(l.overUnderGbp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.audiencesNotReached.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Audiences no activity has been for yet</MessageBarTitle>
            The plan names these audiences, and no activity recorded so far was for them: {m.audiencesNotReached.join(', ')}. Plan an
            activity for them, or record who an activity was for.
          </MessageBarBody>
        </MessageBar>
      )}
      {m.byPlace.length > 0 && (
        <table className={styles.table}>
          <caption>By place or locality</caption>
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Took part</th>
              <th scope="col">Responses</th>
            </tr>
          </thead>
          <tbody>
            {m.byPlace.map((p) => (
              <tr key={p.place}>
                <th scope="row">{p.place}</th>
                <td>{p.participants}</td>
                <td>{p.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.notHeardFrom.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Who we are still not hearing from</MessageBarTitle>
            The plan set out to reach these groups, and no activity has reached them yet:{' '}
            {m.notHeardFrom.map((g) => GROUP_NAMES[g] ?? g).join(', ')}. Consider changing methods or adding an activity now (NENC: “You can
            then put on additional activities”).
          </MessageBarBody>
        </MessageBar>
      ) : (
        content.activities.length > 0 && (
          <Text as="p" block>
            Every group the plan set out to reach has been reached.
          </Text>
        )
      )}
      <table className={styles.table}>
        <caption>People reached, by group</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Reached</th>
            <th scope="col">In the plan</th>
          </tr>
        </thead>
        <tbody>
          {m.groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{GROUP_NAMES[g.group] ?? g.group}</th>
              <td>{g.reached}</td>
              <td>{g.planned ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
