import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Title3,
  useId
} from '@fluentui/react-components';
import {
  ALL_EQUALITY_GROUPS,
  decodeCsvBytes,
  ENTERED_BY_HAND,
  EQUALITY_GROUP_NAMES,
  fileFingerprint,
  importResponses,
  isDataError,
  readResponsesCsv,
  responseFieldsSchema,
  responsesToAdd,
  toFieldProblems,
  type EngagementResponse,
  type EqualityGroup,
  type FieldProblem,
  type NewResponse,
  type PlanResponses,
  type ResponseColumns,
  type ResponseCounts,
  type ResponseCsvFile,
  type StoredPlan,
  type Theme
} from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { ErrorBar } from '../common/components';
import { KeptWorkBar, useKeptWork } from '../common/keptWork';
import { readBytes } from '../common/readFile';
import { FormButtons, newRowId, problemAt, TextInput, useFormStyles } from './formParts';

/** Responses shown at a time (then "Show more"). */
const PAGE = 20;

const groupList = (byGroup: Readonly<Partial<Record<EqualityGroup, number>>>): string =>
  ALL_EQUALITY_GROUPS.filter((g) => byGroup[g])
    .map((g) => `${EQUALITY_GROUP_NAMES[g]} ${byGroup[g] ?? 0}`)
    .join(', ') || 'None recorded';

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** An import the lead accepted, kept in this browser until every row has reached SharePoint. */
interface KeptImport {
  readonly fileName: string;
  readonly rows: NewResponse[];
}

/** Choose a CSV file, pick its columns, see every bad row by line, and add only when the lead says so. */
function ImportResponses({ busy, onAccept, onCancel }: { busy: boolean; onAccept(k: KeptImport): void; onCancel(): void }): JSX.Element {
  const styles = useFormStyles();
  const [file, setFile] = React.useState<{ name: string; fingerprint: string; csv: ResponseCsvFile; note?: string; problem?: string }>();
  const [columns, setColumns] = React.useState<ResponseColumns>({ text: null, place: null, group: null });
  const [reading, setReading] = React.useState(false);
  const fileId = useId('responses-file');
  const read = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    setReading(true);
    try {
      // The bytes, not f.text(): Excel's Windows-1252 must not become replacement characters (issue 15 §6).
      const decoded = decodeCsvBytes(new Uint8Array(await readBytes(f)));
      const csv = decoded.problem
        ? { headers: [], rows: [], guess: columns, fileProblem: decoded.problem }
        : readResponsesCsv(decoded.text);
      setFile({ name: f.name, fingerprint: fileFingerprint(decoded.text), csv, note: decoded.note });
      setColumns(csv.guess);
    } catch {
      const none = { text: null, place: null, group: null };
      setFile({
        name: f.name,
        fingerprint: '',
        csv: {
          headers: [],
          rows: [],
          guess: none,
          fileProblem: 'The file could not be read. Check that it is a CSV file, then choose it again.'
        }
      });
    } finally {
      setReading(false);
    }
  };
  const result = React.useMemo(() => (file && !file.csv.fileProblem ? importResponses(file.csv, columns) : undefined), [file, columns]);
  const badLines = result ? new Set(result.problems.map((p) => p.line)).size : 0;
  const pick = (key: keyof ResponseColumns, label: string, hint: string, optional: boolean): JSX.Element => (
    <Field label={label} hint={hint} required={!optional}>
      <Select
        value={columns[key] === null ? '' : String(columns[key])}
        onChange={(_e, d) => setColumns((c) => ({ ...c, [key]: d.value === '' ? null : Number(d.value) }))}
      >
        <option value="">{optional ? 'None' : 'Choose a column'}</option>
        {file?.csv.headers.map((h, i) => (
          <option key={i} value={String(i)}>
            {h}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className={styles.card} role="group" aria-label="Import responses from CSV">
      <Text as="p" block>
        Use a CSV file with a first row of column headings, such as a Microsoft Forms or survey export. You choose which columns hold what
        people said, the place and the group; no other column is stored, so names in the file stay out of the record.
      </Text>
      <div className={styles.field}>
        <Label htmlFor={fileId}>CSV file of responses</Label>{' '}
        <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => void read(e.currentTarget.files?.[0])} />
      </div>
      {reading && <Spinner size="tiny" label="Reading the file…" />}
      {file?.csv.fileProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{file.name} cannot be imported</MessageBarTitle>
            {file.csv.fileProblem}
          </MessageBarBody>
        </MessageBar>
      )}
      {file && !file.csv.fileProblem && (
        <>
          {file.note && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{file.note}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.grid}>
            {pick('text', 'Column with what people said', 'The free-text answer.', false)}
            {pick('place', 'Column with the place', 'Town, area or locality, for monitoring.', true)}
            {pick('group', 'Column with the group', 'For example "Carers" or "Age; Disability".', true)}
          </div>
          <div aria-live="polite">
            {columns.text === null ? (
              <Text as="p" block>
                Choose the column with what people said.
              </Text>
            ) : (
              <Text as="p" block>
                {plural(result?.ready.length ?? 0, 'row is', 'rows are')} ready to add from {file.name}
                {badLines ? `; ${plural(badLines, 'row has a problem', 'rows have problems')} and will be left out` : ''}.
              </Text>
            )}
          </div>
          {result && result.problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Rows that will not be added</MessageBarTitle>
                Fix them in the file and import it again (rows already added are not added twice), or add the other rows now.
                <ul className={styles.list} aria-label="Problems in the file">
                  {result.problems.slice(0, 200).map((p) => (
                    <li key={`${p.line}-${p.text}`}>{p.text}</li>
                  ))}
                </ul>
                {result.problems.length > 200 && <Text>And {plural(result.problems.length - 200, 'more problem')}.</Text>}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || !file || !result || result.ready.length === 0}
          onClick={() =>
            file && result && onAccept({ fileName: file.name, rows: responsesToAdd(file.name, file.fingerprint, result.ready) })
          }
        >
          {result && result.ready.length > 0 ? `Add ${plural(result.ready.length, 'response')}` : 'Add responses'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}

/** Tick boxes for the record's themes: several per response. */
function ThemeBoxes({
  legend,
  themes,
  chosen,
  disabled,
  onChange
}: {
  legend: string;
  themes: readonly Theme[];
  chosen: readonly string[];
  disabled?: boolean;
  onChange(ids: string[]): void;
}): JSX.Element {
  const styles = useFormStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      {themes.map((t) => (
        <Checkbox
          key={t.id}
          label={t.name}
          disabled={disabled}
          checked={chosen.includes(t.id)}
          onChange={(_e, d) => onChange(d.checked === true ? [...chosen, t.id] : chosen.filter((id) => id !== t.id))}
        />
      ))}
    </fieldset>
  );
}

/** A response being typed by hand, kept in this browser (with its key) until it is added. */
interface HandDraft {
  readonly rowKey: string;
  readonly text: string;
  readonly place: string;
  readonly groups: EqualityGroup[];
  readonly themeIds: string[];
}

/** One response typed in by hand: what was said, the place, the groups and the themes. */
function HandForm({
  themes,
  busy,
  initial,
  onDraft,
  onSave,
  onCancel
}: {
  themes: readonly Theme[];
  busy: boolean;
  /** What was being typed before a reload, kept on this device. */
  initial?: HandDraft;
  onDraft(draft: HandDraft): void;
  onSave(r: NewResponse): void;
  onCancel(): void;
}): JSX.Element {
  const styles = useFormStyles();
  // One key per response typed, kept across retries and reloads: saving again never adds it twice.
  const [draft, setDraft] = React.useState<HandDraft>(
    () => initial ?? { rowKey: newRowId('hand-'), text: '', place: '', groups: [], themeIds: [] }
  );
  const { rowKey, text, place, groups, themeIds } = draft;
  const change = setDraft;
  // Every change is kept on this device (not the empty form as it opens).
  const opened = React.useRef(draft);
  React.useEffect(() => {
    if (draft !== opened.current) onDraft(draft);
  }, [draft, onDraft]);
  const setText = (v: string): void => change((was) => ({ ...was, text: v }));
  const setPlace = (v: string): void => change((was) => ({ ...was, place: v }));
  const setGroups = (f: (was: EqualityGroup[]) => EqualityGroup[]): void => change((was) => ({ ...was, groups: f(was.groups) }));
  const setThemeIds = (ids: string[]): void => change((was) => ({ ...was, themeIds: ids }));
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const save = (): void => {
    const result = responseFieldsSchema.safeParse({ text, place, groups, themeIds });
    if (!result.success) return setProblems(toFieldProblems(result.error));
    setProblems([]);
    onSave({ rowKey, source: ENTERED_BY_HAND, fields: result.data });
  };
  return (
    <form
      aria-label="New response"
      className={styles.card}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextInput
        label="What the person said"
        hint="Without their name or contact details."
        required
        multiline
        value={text}
        onChange={setText}
        message={problemAt(problems, 'text')}
      />
      <TextInput label="Place" hint="Town, area or locality." value={place} onChange={setPlace} message={problemAt(problems, 'place')} />
      <fieldset className={styles.fieldset}>
        <legend>Groups the person said they belong to</legend>
        <div className={styles.grid}>
          {ALL_EQUALITY_GROUPS.map((g) => (
            <Checkbox
              key={g}
              label={EQUALITY_GROUP_NAMES[g]}
              checked={groups.includes(g)}
              onChange={(_e, d) => setGroups((was) => (d.checked === true ? [...was, g] : was.filter((x) => x !== g)))}
            />
          ))}
        </div>
      </fieldset>
      {themes.length > 0 && <ThemeBoxes legend="Themes it raises" themes={themes} chosen={themeIds} onChange={setThemeIds} />}
      <FormButtons busy={busy} onSave={save} onCancel={onCancel} saveLabel="Add the response" />
    </form>
  );
}

/** One response with its themes, tagged by ticking (keyboard: Tab to a box, Space to tick). */
function ResponseItem({
  response,
  n,
  themes,
  editable,
  onSaved
}: {
  response: EngagementResponse;
  n: number;
  themes: readonly Theme[];
  editable: boolean;
  onSaved(r: EngagementResponse): void;
}): JSX.Element {
  const { responses } = useServices();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [conflict, setConflict] = React.useState(false);
  // The tick shows at once; if the save fails it goes back to what is saved. The boxes stay
  // usable (and keep the keyboard focus) while saving: a tick made meanwhile is saved next, at
  // the version the last save returned, so quick ticks never meet each other as a conflict.
  const [chosen, setChosen] = React.useState(response.themeIds);
  const latest = React.useRef(response);
  const pending = React.useRef<string[] | undefined>();
  const running = React.useRef(false);
  React.useEffect(() => {
    latest.current = response;
    if (!running.current) setChosen(response.themeIds);
  }, [response]);
  const tag = async (themeIds: string[]): Promise<void> => {
    setChosen(themeIds);
    if (running.current) {
      pending.current = themeIds;
      return;
    }
    running.current = true;
    setSaving(true);
    setError(undefined);
    setConflict(false);
    try {
      for (let next: string[] | undefined = themeIds; next;) {
        const saved = await responses.save({ ...latest.current, themeIds: next });
        latest.current = saved;
        onSaved(saved);
        next = pending.current;
        pending.current = undefined;
      }
    } catch (caught) {
      pending.current = undefined;
      setChosen(latest.current.themeIds);
      if (isDataError(caught, 'conflict')) setConflict(true);
      else setError(caught);
    } finally {
      running.current = false;
      setSaving(false);
    }
  };
  const names = new Map(themes.map((t) => [t.id, t.name]));
  const meta = [
    response.place || 'Place not recorded',
    response.groups.map((g) => EQUALITY_GROUP_NAMES[g]).join(', ') || 'No group given',
    response.source
  ];
  return (
    <li>
      <Text as="p" block weight="semibold">
        Response {n}
      </Text>
      <blockquote>{response.text}</blockquote>
      <Text as="p" block size={200}>
        {meta.join(' · ')}
      </Text>
      {editable && themes.length > 0 ? (
        <ThemeBoxes legend={`Themes of response ${n}`} themes={themes} chosen={chosen} onChange={(ids) => void tag(ids)} />
      ) : (
        <Text as="p" block>
          Themes:{' '}
          {response.themeIds
            .map((id) => names.get(id))
            .filter(Boolean)
            .join(', ') || 'none yet'}
        </Text>
      )}
      {saving && <Spinner size="tiny" label="Saving…" />}
      {conflict && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            Someone else changed this response while you were tagging it. Nothing was overwritten: reload to see their themes.
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ErrorBar error={error} />}
    </li>
  );
}

/** Props for {@link ResponsesSection}. */
export type ResponsesSectionProps = {
  plan: StoredPlan;
  themes: readonly Theme[];
  editable: boolean;
  data: PlanResponses;
  counts: ResponseCounts;
  /** Change what is shown, from what is shown now (several saves may finish in any order). */
  onChanged(update: (was: PlanResponses) => PlanResponses): void;
  /** The date the responses are kept until (five years after the plan closed), once it has closed. */
  retainUntil: string | null;
};

/**
 * Responses (issue 11 §2): import from CSV or type in by hand, tag with themes (several each), and
 * the counts per theme and per group from the tags. A cut-off import is kept in this browser and
 * offered back whole after a reload; adding again never adds a row twice.
 */
export function ResponsesSection({ plan, themes, editable, data, counts, onChanged, retainUntil }: ResponsesSectionProps): JSX.Element {
  const styles = useFormStyles();
  const { responses } = useServices();
  const user = useCurrentUser();
  const kept = useKeptWork<KeptImport>(`responses-import:${user.id}:${plan.id}`);
  const handKept = useKeptWork<HandDraft>(`responses-hand:${user.id}:${plan.id}`);
  const [panel, setPanel] = React.useState<'import' | 'hand'>();
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<{ done: number; of: number }>();
  const [error, setError] = React.useState<{ error: unknown; retry(): void }>();
  const [done, setDone] = React.useState('');
  const [shown, setShown] = React.useState(PAGE);
  const [onlyUntagged, setOnlyUntagged] = React.useState(false);
  // An import kept on an earlier visit is offered back; one started here is this screen's own.
  const startedHere = React.useRef(false);

  const add = async (rows: readonly NewResponse[], what: string, keep?: KeptImport): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone('');
    if (keep) {
      startedHere.current = true;
      kept.keep(keep);
    }
    setProgress({ done: 0, of: rows.length });
    try {
      const all = await responses.addMany(plan.id, rows, (n) => setProgress({ done: n, of: rows.length }));
      if (keep) kept.clear();
      // A response typed by hand is added (also by "Try again"): its kept copy is no longer needed.
      if (rows.some((r) => r.rowKey === handKept.value?.rowKey)) handKept.clear();
      onChanged((was) => ({ ...was, responses: all }));
      setPanel(undefined);
      setDone(`Added ${what}.`);
      return true;
    } catch (caught) {
      setError({ error: caught, retry: () => void add(rows, what, keep) });
      return false;
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  const finishKept = (k: KeptImport): void => {
    startedHere.current = true;
    void add(k.rows, `${plural(k.rows.length, 'response')} from ${k.fileName}`, k);
  };

  const list = onlyUntagged ? data.responses.filter((r) => !r.themeIds.some((id) => themes.some((t) => t.id === id))) : data.responses;
  const number = new Map(data.responses.map((r, i) => [r.id, i + 1]));
  return (
    <section aria-labelledby="after-responses">
      <Title3 as="h3" id="after-responses" block>
        Responses
      </Title3>
      <Text as="p" block>
        {plural(counts.total, 'response')}
        {counts.total > 0 ? `, ${plural(counts.untagged, 'without a theme', 'without a theme')} yet` : ''}.{' '}
        {retainUntil
          ? `Kept until ${retainUntil}: five years after the plan closed (LSC: “retained for five years”).`
          : 'They are kept for five years after the plan closes (LSC: “retained for five years”).'}
      </Text>
      {kept.loaded && kept.value && !startedHere.current && !busy && (
        <KeptWorkBar
          title="An import of responses was not finished"
          restoreLabel="Finish adding them"
          onRestore={() => kept.value && finishKept(kept.value)}
          discardLabel="Discard it"
          onDiscard={kept.clear}
          disabled={!editable}
        >
          {plural(kept.value.rows.length, 'response')} from {kept.value.fileName} were being added when it stopped. Finishing adds only the
          rows not already added.
        </KeptWorkBar>
      )}
      {handKept.loaded && handKept.value && panel !== 'hand' && (
        <KeptWorkBar
          title="A response you were typing was not added"
          restoreLabel="Carry on with it"
          onRestore={() => setPanel('hand')}
          discardLabel="Discard it"
          onDiscard={handKept.clear}
          disabled={!editable}
        >
          It is kept on this device: “{handKept.value.text.slice(0, 80)}
          {handKept.value.text.length > 80 ? '…' : ''}”.
        </KeptWorkBar>
      )}
      {editable && (
        <div className={styles.actions}>
          <Button aria-expanded={panel === 'import'} onClick={() => setPanel(panel === 'import' ? undefined : 'import')}>
            Import responses from CSV
          </Button>
          <Button aria-expanded={panel === 'hand'} onClick={() => setPanel(panel === 'hand' ? undefined : 'hand')}>
            Add a response by hand
          </Button>
        </div>
      )}
      {progress && (
        <div role="status" aria-live="polite">
          <Spinner
            size="tiny"
            label={`Adding responses: ${progress.done.toLocaleString('en-GB')} of ${progress.of.toLocaleString('en-GB')}…`}
          />
        </div>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <>
          <ErrorBar error={error.error} onRetry={error.retry} />
          <Text as="p" block>
            {kept.value
              ? 'The rows are kept on this device: trying again adds only those not already added, even after a reload.'
              : 'Nothing was lost: trying again adds only what is not already added.'}
          </Text>
        </>
      )}
      {panel === 'import' && (
        <ImportResponses
          busy={busy}
          onCancel={() => setPanel(undefined)}
          onAccept={(k) => void add(k.rows, `${plural(k.rows.length, 'response')} from ${k.fileName}`, k)}
        />
      )}
      {panel === 'hand' && (
        <HandForm
          themes={themes}
          busy={busy}
          initial={handKept.value}
          onDraft={handKept.keep}
          onCancel={() => {
            handKept.clear();
            setPanel(undefined);
          }}
          onSave={(r) =>
            void add([r], 'the response').then((ok) => {
              if (ok) handKept.clear();
            })
          }
        />
      )}

      {counts.total > 0 && (
        <table className={styles.table}>
          <caption>Responses per theme, and from each group (counted from the tags)</caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Responses</th>
              <th scope="col">From each group</th>
            </tr>
          </thead>
          <tbody>
            {counts.themes.map((t) => (
              <tr key={t.themeId}>
                <th scope="row">{t.name}</th>
                <td>{t.responses}</td>
                <td>{groupList(t.byGroup)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">No theme yet</th>
              <td>{counts.untagged}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">All responses</th>
              <td>{counts.total}</td>
              <td>{groupList(counts.byGroup)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {data.ignored.length > 0 && user.isInvolvementTeam && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{plural(data.ignored.length, 'item is', 'items are')} not counted</MessageBarTitle>
            <ul className={styles.list}>
              {data.ignored.slice(0, 20).map((i) => (
                <li key={i.itemId}>
                  Item {i.itemId}: {i.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {counts.total > 0 && (
        <>
          <Checkbox
            label="Show only responses without a theme"
            checked={onlyUntagged}
            onChange={(_e, d) => setOnlyUntagged(d.checked === true)}
          />
          {editable && themes.length === 0 && (
            <Text as="p" block>
              Add themes below, then tick the themes each response raises.
            </Text>
          )}
          <ul className={styles.list} aria-label="Responses">
            {list.slice(0, shown).map((r) => (
              <ResponseItem
                key={r.id}
                response={r}
                n={number.get(r.id) ?? 0}
                themes={themes}
                editable={editable}
                onSaved={(saved) => onChanged((was) => ({ ...was, responses: was.responses.map((x) => (x.id === saved.id ? saved : x)) }))}
              />
            ))}
          </ul>
          {list.length > shown && (
            <Button onClick={() => setShown((s) => s + PAGE)}>
              Show {Math.min(PAGE, list.length - shown)} more of {list.length - shown}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
