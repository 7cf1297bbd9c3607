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
  Spinner,
  Text,
  Title3
} from '@fluentui/react-components';
import {
  countResponses,
  objectiveGaps,
  quoteFromResponse,
  responsesRetainUntil,
  withCountedThemes,
  type EngagementResponse,
  type PlanResponses,
  type ResponseCounts,
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
import { ErrorBar } from '../common/components';
import { useAsync } from '../common/useAsync';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { ResponsesSection } from './ResponsesSection';
import { FormButtons, newRowId, problemAt, TextInput, toCount, useFormStyles } from './formParts';
import type { RecordEditor } from './useRecordEditor';

function ThemeForm({
  initial,
  busy,
  onSave,
  onCancel,
  counted,
  tagged
}: {
  initial: Theme;
  busy: boolean;
  onSave(t: Theme): void;
  onCancel(): void;
  /** The count from the tagged responses, when the plan has responses (then it is not typed). */
  counted: number | null;
  /** Responses tagged with this theme, to choose quotes from. */
  tagged: readonly EngagementResponse[];
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
      mentions: counted ?? toCount(mentions) ?? 0,
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
      {counted === null ? (
        <TextInput
          label="How many responses raised it"
          type="number"
          value={mentions}
          onChange={setMentions}
          message={problemAt(problems, 'mentions')}
        />
      ) : (
        <Text as="p" block>
          Responses tagged with it: {counted} (counted from the tags).
        </Text>
      )}
      <TextInput
        label="Quotes (one a line)"
        hint="Chosen to represent what people said. No names, email addresses or phone numbers."
        multiline
        value={quotes}
        onChange={setQuotes}
        message={problemAt(problems, 'quotes')}
      />
      {tagged.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend>Choose quotes from the responses tagged with it</legend>
          <Text as="p" block size={200}>
            Email addresses and phone numbers are taken out. Read each quote and remove anything else that could identify someone.
          </Text>
          {tagged.slice(0, 30).map((r) => {
            const quote = quoteFromResponse(r.text);
            const lines = quotes.split('\n').map((q) => q.trim());
            return (
              <Checkbox
                key={r.id}
                label={`“${quote}”`}
                checked={lines.includes(quote)}
                onChange={(_e, d) =>
                  setQuotes((was) => {
                    const kept = was
                      .split('\n')
                      .map((q) => q.trim())
                      .filter((q) => q && q !== quote);
                    return (d.checked === true ? [...kept, quote] : kept).join('\n');
                  })
                }
              />
            );
          })}
        </fieldset>
      )}
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
export function AnalysisSection({
  plan,
  editor,
  editable,
  closedAt
}: {
  plan: StoredPlan;
  editor: RecordEditor;
  editable: boolean;
  /** When the involvement team signed the plan off (closed plans): responses changed later by others do not count. */
  closedAt: string | null;
}): JSX.Element {
  const { responses } = useServices();
  const load = React.useCallback(() => responses.forPlan(plan.id, { closedAt }), [responses, plan.id, closedAt]);
  const [state, reload] = useAsync(load);
  if (state.status === 'loading') return <Spinner label="Loading the responses…" />;
  // Responses that cannot be read never block the themes and the decision trace.
  return (
    <Analysis
      key={state.status}
      plan={plan}
      editor={editor}
      editable={editable}
      closedAt={closedAt}
      loaded={state.status === 'ready' ? state.value : { responses: [], ignored: [] }}
      loadError={state.status === 'failed' ? { error: state.error, retry: reload } : undefined}
    />
  );
}

/**
 * A closed plan's responses get their retention date (and the Purview label) when the team opens
 * it, if closing could not: once per opening.
 */
function useRetentionRepair(plan: StoredPlan, data: PlanResponses, closedAt: string | null, onRepaired: () => void): string | null {
  const services = useServices();
  const user = useCurrentUser();
  const retainUntil = plan.status === 'closed' && closedAt ? responsesRetainUntil(closedAt) : null;
  const tried = React.useRef(false);
  const missing = retainUntil ? data.responses.filter((r) => r.retainUntil !== retainUntil).length : 0;
  const count = data.responses.length;
  React.useEffect(() => {
    if (!retainUntil || count === 0 || !user.isInvolvementTeam || tried.current) return;
    tried.current = true;
    // Also where every date is stamped: with a label named, a label that failed is applied again.
    void services.settings
      .retentionLabel()
      .catch(() => '')
      .then((label) => (missing > 0 || label.trim() ? services.responses.applyRetention(plan.id, retainUntil, label) : 0))
      .then(
        (changed) => {
          if (changed > 0) onRepaired();
        },
        () => undefined
      );
  }, [retainUntil, count, missing, user.isInvolvementTeam, services, plan.id, onRepaired]);
  return retainUntil;
}

function Analysis({
  plan,
  editor,
  editable,
  closedAt,
  loaded,
  loadError
}: {
  plan: StoredPlan;
  editor: RecordEditor;
  editable: boolean;
  closedAt: string | null;
  loaded: PlanResponses;
  loadError?: { error: unknown; retry(): void };
}): JSX.Element {
  const styles = useFormStyles();
  const { responses } = useServices();
  const content = editor.record.content;
  const [data, setData] = React.useState(loaded);
  const counts: ResponseCounts = React.useMemo(() => countResponses(data.responses, content.themes), [data.responses, content.themes]);
  const repaired = React.useCallback(() => {
    void responses.forPlan(plan.id, { closedAt }).then(setData, () => undefined);
  }, [responses, plan.id, closedAt]);
  const retainUntil = useRetentionRepair(plan, data, closedAt, repaired);
  const hasResponses = counts.total > 0;
  const countedOf = new Map(counts.themes.map((c) => [c.themeId, c.responses]));
  const countsDiffer = hasResponses && content.themes.some((t) => t.mentions !== countedOf.get(t.id) || !t.counted);
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
      {loadError ? (
        <section aria-labelledby="after-responses">
          <Title3 as="h3" id="after-responses" block>
            Responses
          </Title3>
          <ErrorBar error={loadError.error} onRetry={loadError.retry} />
        </section>
      ) : (
        <ResponsesSection
          plan={plan}
          themes={content.themes}
          editable={editable}
          data={data}
          counts={counts}
          onChanged={(update) => setData(update)}
          retainUntil={retainUntil}
        />
      )}
      <Title3 as="h3" id="after-analysis" block>
        What people said
      </Title3>
      {editable && countsDiffer && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The themes’ counts in the record are not yet the counts of the tagged responses</MessageBarTitle>
            The report and “you said, we did” use the counts kept in the record.{' '}
            <Button size="small" disabled={busy} onClick={() => void editor.change(withCountedThemes(content, counts))}>
              Use the counts from the tags
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {content.themes.length === 0 ? (
        <Text as="p" block>
          No themes yet.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Themes">
          {content.themes.map((t) => (
            <li key={t.id}>
              <Text weight="semibold">{t.name}</Text> —{' '}
              {hasResponses ? `${countedOf.get(t.id) ?? 0} tagged responses.` : `${t.mentions} mentions.`} {t.description}
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
          counted={hasResponses ? (countedOf.get(theme.id) ?? 0) : null}
          tagged={data.responses.filter((r) => r.themeIds.includes(theme.id))}
          onCancel={() => setTheme(undefined)}
          onSave={(t) => {
            const next = { ...content, themes: upsert(content.themes, t) };
            void editor
              .change(hasResponses ? withCountedThemes(next, countResponses(data.responses, next.themes)) : next)
              .then((ok) => ok && setTheme(undefined));
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
