import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Title3
} from '@fluentui/react-components';
import {
  objectiveGaps,
  OUTCOME_LABELS,
  OUTCOMES,
  themeSchema,
  themesWithoutFinding,
  toFieldProblems,
  traceSchema,
  type FieldProblem,
  type Outcome,
  type StoredPlan,
  type Theme,
  type TraceLine
} from '../../domain';
import { formatDate } from '../common/format';
import { FormButtons, newRowId, problemAt, TextInput, toCount, useFormStyles } from './formParts';
import type { RecordEditor } from './useRecordEditor';

function ThemeForm({
  initial,
  busy,
  onSave,
  onCancel
}: {
  initial: Theme;
  busy: boolean;
  onSave(t: Theme): void;
  onCancel(): void;
}): JSX.Element {
  const styles = useFormStyles();
  const [name, setName] = React.useState(initial.name);
  const [description, setDescription] = React.useState(initial.description);
  const [mentions, setMentions] = React.useState(String(initial.mentions));
  const [quotes, setQuotes] = React.useState(initial.quotes.join('\n'));
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const save = (): void => {
    const result = themeSchema.safeParse({
      id: initial.id,
      name,
      description,
      mentions: toCount(mentions) ?? 0,
      quotes: quotes
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean)
    });
    if (!result.success) return setProblems(toFieldProblems(result.error));
    setProblems([]);
    onSave(result.data);
  };
  return (
    <form
      aria-label={initial.name ? `Edit theme: ${initial.name}` : 'New theme'}
      className={styles.card}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextInput
        label="Theme"
        required
        hint='A short name, for example "Getting there at night"'
        value={name}
        onChange={setName}
        message={problemAt(problems, 'name')}
      />
      <TextInput label="What people said" multiline value={description} onChange={setDescription} />
      <TextInput
        label="How many responses raised it"
        type="number"
        value={mentions}
        onChange={setMentions}
        message={problemAt(problems, 'mentions')}
      />
      <TextInput
        label="Quotes (one a line)"
        hint="Chosen to represent what people said. No names, email addresses or phone numbers."
        multiline
        value={quotes}
        onChange={setQuotes}
        message={problemAt(problems, 'quotes')}
      />
      <FormButtons busy={busy} onSave={save} onCancel={onCancel} saveLabel="Save theme" />
    </form>
  );
}

function TraceForm({
  plan,
  themes,
  initial,
  busy,
  onSave,
  onCancel
}: {
  plan: StoredPlan;
  themes: readonly Theme[];
  initial: TraceLine;
  busy: boolean;
  onSave(t: TraceLine): void;
  onCancel(): void;
}): JSX.Element {
  const styles = useFormStyles();
  const [t, setT] = React.useState(initial);
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const set =
    <K extends keyof TraceLine>(key: K) =>
    (value: TraceLine[K]): void =>
      setT((was) => ({ ...was, [key]: value }));
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((x) => x !== item));
  const save = (): void => {
    const result = traceSchema.safeParse(t);
    if (!result.success) return setProblems(toFieldProblems(result.error));
    setProblems([]);
    onSave(result.data);
  };
  return (
    <form
      aria-label={initial.finding ? 'Edit finding' : 'New finding'}
      className={styles.card}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend>Themes it comes from</legend>
        {themes.length === 0 && <Text>Add themes first.</Text>}
        {themes.map((th) => (
          <Checkbox
            key={th.id}
            label={th.name}
            checked={t.themeIds.includes(th.id)}
            onChange={(_e, d) => set('themeIds')(toggle(t.themeIds, th.id, !!d.checked))}
          />
        ))}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Decisions in the plan it informs</legend>
        {plan.content.objectives.decisions.map((text, i) => (
          <Checkbox
            key={i}
            label={text}
            checked={t.objectiveIndexes.includes(i)}
            onChange={(_e, d) => set('objectiveIndexes')(toggle(t.objectiveIndexes, i, !!d.checked))}
          />
        ))}
      </fieldset>
      <TextInput label="Finding" required multiline value={t.finding} onChange={set('finding')} message={problemAt(problems, 'finding')} />
      <TextInput label="Recommendation" multiline value={t.recommendation} onChange={set('recommendation')} />
      <div className={styles.grid}>
        <TextInput label="Who decided" hint="For example the ICB board" value={t.decisionBody} onChange={set('decisionBody')} />
        <TextInput
          label="Date of the decision"
          type="date"
          value={t.decisionDate}
          onChange={set('decisionDate')}
          message={problemAt(problems, 'decisionDate')}
        />
      </div>
      <TextInput label="Decision" multiline value={t.decision} onChange={set('decision')} />
      <div className={styles.field}>
        <Field label="What happens because of it" required>
          <RadioGroup value={t.outcome} onChange={(_e, d) => set('outcome')(d.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={OUTCOME_LABELS[o]} />
            ))}
          </RadioGroup>
        </Field>
      </div>
      {t.outcome !== 'notDecided' && (
        <TextInput
          label={t.outcome === 'willChange' ? 'What will change' : 'Why it cannot change'}
          hint={t.outcome === 'willNotChange' ? 'People must be told what could not change, and why (LSC step 9).' : undefined}
          required
          multiline
          value={t.because}
          onChange={set('because')}
          message={problemAt(problems, 'because')}
        />
      )}
      <FormButtons busy={busy} onSave={save} onCancel={onCancel} saveLabel="Save finding" />
    </form>
  );
}

const blankTheme = (): Theme => ({ id: newRowId('t'), name: '', description: '', mentions: 0, quotes: [] });
const blankTrace = (): TraceLine => ({
  id: newRowId('d'),
  themeIds: [],
  objectiveIndexes: [],
  finding: '',
  recommendation: '',
  decisionBody: '',
  decisionDate: '',
  decision: '',
  outcome: 'notDecided',
  because: ''
});

/** What people said (themes, quotes) and the decision trace: theme → finding → recommendation → decision → what changes. */
export function AnalysisSection({ plan, editor, editable }: { plan: StoredPlan; editor: RecordEditor; editable: boolean }): JSX.Element {
  const styles = useFormStyles();
  const content = editor.record.content;
  const [theme, setTheme] = React.useState<Theme>();
  const [line, setLine] = React.useState<TraceLine>();
  const busy = editor.save.kind === 'saving';
  const themeName = new Map(content.themes.map((t) => [t.id, t.name]));
  const gaps = objectiveGaps(plan, content);
  const unfollowed = themesWithoutFinding(content);
  const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
    list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
  return (
    <section aria-labelledby="after-analysis">
      <Title3 as="h3" id="after-analysis" block>
        What people said
      </Title3>
      {content.themes.length === 0 ? (
        <Text as="p" block>
          No themes yet.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Themes">
          {content.themes.map((t) => (
            <li key={t.id}>
              <Text weight="semibold">{t.name}</Text> — {t.mentions} mentions. {t.description}
              {t.quotes.length > 0 && (
                <ul>
                  {t.quotes.map((q, i) => (
                    <li key={i}>“{q}”</li>
                  ))}
                </ul>
              )}
              {editable && (
                <Button size="small" aria-label={`Edit theme ${t.name}`} onClick={() => setTheme(t)}>
                  Edit
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && !theme && <Button onClick={() => setTheme(blankTheme())}>Add a theme</Button>}
      {theme && (
        <ThemeForm
          key={theme.id}
          initial={theme}
          busy={busy}
          onCancel={() => setTheme(undefined)}
          onSave={(t) => {
            void editor.change({ ...content, themes: upsert(content.themes, t) }).then((ok) => ok && setTheme(undefined));
          }}
        />
      )}

      <Title3 as="h3" block>
        Findings and decisions
      </Title3>
      {(gaps.length > 0 || unfollowed.length > 0) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Gaps</MessageBarTitle>
            <ul>
              {gaps.map((g) => (
                <li key={`o${g.index}`}>No finding yet informs the decision “{g.text}”.</li>
              ))}
              {unfollowed.map((t) => (
                <li key={t.id}>No finding yet for the theme “{t.name}”.</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {content.trace.length > 0 && (
        <table className={styles.table}>
          <caption>Decision trace: what we found, what was decided, what will and will not change</caption>
          <thead>
            <tr>
              <th scope="col">Themes</th>
              <th scope="col">Finding</th>
              <th scope="col">Recommendation</th>
              <th scope="col">Decision</th>
              <th scope="col">Outcome</th>
              {editable && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {content.trace.map((t) => (
              <tr key={t.id}>
                <td>{t.themeIds.map((id) => themeName.get(id)).join(', ')}</td>
                <th scope="row">{t.finding}</th>
                <td>{t.recommendation}</td>
                <td>{[t.decision, t.decisionBody, t.decisionDate ? formatDate(t.decisionDate) : ''].filter(Boolean).join(' — ')}</td>
                <td>
                  {OUTCOME_LABELS[t.outcome]}
                  {t.because ? `: ${t.because}` : ''}
                </td>
                {editable && (
                  <td>
                    <Button size="small" aria-label={`Edit finding: ${t.finding.slice(0, 40)}`} onClick={() => setLine(t)}>
                      Edit
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && !line && <Button onClick={() => setLine(blankTrace())}>Add a finding</Button>}
      {line && (
        <TraceForm
          key={line.id}
          plan={plan}
          themes={content.themes}
          initial={line}
          busy={busy}
          onCancel={() => setLine(undefined)}
          onSave={(t) => {
            void editor.change({ ...content, trace: upsert(content.trace, t) }).then((ok) => ok && setLine(undefined));
          }}
        />
      )}
    </section>
  );
}
