import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens
} from '@fluentui/react-components';
import {
  CATALOGUE_REACHES,
  emptyStakeholderFields,
  exportStakeholdersCsv,
  decodeCsvBytes,
  fromShared,
  importStakeholdersCsv,
  STAKEHOLDER_CATALOGUE,
  type CsvImport,
  type Stakeholder,
  type StakeholderFields
} from '../../domain';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { Loaded } from '../common/components';
import { StakeholderForm } from './StakeholderForm';
import { readBytes } from '../common/readFile';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  panel: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
    maxWidth: '48rem'
  },
  options: { listStyleType: 'none', padding: 0, margin: 0, maxHeight: '20rem', overflowY: 'auto' },
  problems: { maxHeight: '16rem', overflowY: 'auto' }
});

type Panel = 'catalogue' | 'shared' | 'new' | 'import';

/** Props for {@link AddStakeholders}. */
export type AddStakeholdersProps = {
  items: readonly Stakeholder[];
  audiences: readonly string[];
  planTitle: string;
  busy: boolean;
  onAdd(fields: StakeholderFields[]): Promise<Stakeholder[] | undefined>;
  /** Where an unsaved new stakeholder is kept in the browser. */
  draftKey: string;
};

/** Ways to add stakeholders: from the catalogue, from the team's shared list, one new one, or a CSV file; and export to CSV. */
export function AddStakeholders({ items, audiences, planTitle, busy, onAdd, draftKey }: AddStakeholdersProps): JSX.Element {
  const styles = useStyles();
  const [panel, setPanel] = React.useState<Panel>();
  const [done, setDone] = React.useState('');
  const finish = (added: Stakeholder[] | undefined, what: string): void => {
    if (!added) return;
    setPanel(undefined);
    setDone(
      `${added.length === 1 ? `Added ${added[0].name}` : `Added ${added.length} stakeholders`} ${what}. Place ${added.length === 1 ? 'it' : 'them'} on the grid below.`
    );
  };
  const open = (p: Panel): void => {
    setDone('');
    setPanel(panel === p ? undefined : p);
  };
  const exportCsv = (): void => {
    const blob = new Blob([exportStakeholdersCsv(items)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${
      (planTitle || 'plan')
        .replace(/[^\w -]+/g, '')
        .trim()
        .slice(0, 60) || 'plan'
    } - stakeholders.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-labelledby="stakeholder-add-heading" id="field-stakeholders-add">
      <h3 id="stakeholder-add-heading">Add stakeholders</h3>
      <div className={styles.actions}>
        <Button aria-expanded={panel === 'catalogue'} onClick={() => open('catalogue')}>
          From the catalogue
        </Button>
        <Button aria-expanded={panel === 'shared'} onClick={() => open('shared')}>
          From the team’s shared list
        </Button>
        <Button aria-expanded={panel === 'new'} onClick={() => open('new')}>
          New person, organisation or group
        </Button>
        <Button aria-expanded={panel === 'import'} onClick={() => open('import')}>
          Import from CSV
        </Button>
        <Button onClick={exportCsv} disabled={items.length === 0}>
          Export to CSV
        </Button>
      </div>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {panel === 'catalogue' && (
        <FromCatalogue
          items={items}
          busy={busy}
          onAdd={async (f) => finish(await onAdd(f), 'from the catalogue')}
          onCancel={() => setPanel(undefined)}
        />
      )}
      {panel === 'shared' && (
        <FromShared
          items={items}
          busy={busy}
          onAdd={async (f) => finish(await onAdd(f), 'from the shared list')}
          onCancel={() => setPanel(undefined)}
        />
      )}
      {panel === 'new' && (
        <div className={styles.panel}>
          <StakeholderForm
            title="New stakeholder"
            idPrefix="new-stakeholder"
            draftKey={draftKey}
            initial={emptyStakeholderFields()}
            audiences={audiences}
            readOnly={false}
            saveLabel="Add to the map"
            onSave={async (f) => {
              const added = await onAdd([f]);
              finish(added, 'to the map');
              return added !== undefined;
            }}
            onCancel={() => setPanel(undefined)}
          />
        </div>
      )}
      {panel === 'import' && (
        <ImportCsv busy={busy} onAdd={async (f) => finish(await onAdd(f), 'from the file')} onCancel={() => setPanel(undefined)} />
      )}
    </section>
  );
}

type PickerProps = { items: readonly Stakeholder[]; busy: boolean; onAdd(fields: StakeholderFields[]): Promise<void>; onCancel(): void };

/** Tick any number of entries (found by search) and add them in one go. */
function Picker<T extends { key: string; name: string; already: boolean }>({
  label,
  options,
  busy,
  onAdd,
  onCancel,
  toFields
}: {
  label: string;
  options: T[];
  busy: boolean;
  onAdd(f: StakeholderFields[]): Promise<void>;
  onCancel(): void;
  toFields(o: T): StakeholderFields;
}): JSX.Element {
  const styles = useStyles();
  const [search, setSearch] = React.useState('');
  const [chosen, setChosen] = React.useState(new Set<string>());
  const term = search.trim().toLowerCase();
  const shown = options.filter((o) => !term || o.name.toLowerCase().includes(term));
  const picked = options.filter((o) => chosen.has(o.key));
  return (
    <div className={styles.panel} role="group" aria-label={label}>
      <Field label={`Search ${label.toLowerCase()}`}>
        <Input type="search" value={search} onChange={(_e, d) => setSearch(d.value)} />
      </Field>
      <Text as="p" block role="status">
        {shown.length} shown, {picked.length} ticked.
      </Text>
      <ul className={styles.options}>
        {shown.map((o) => (
          <li key={o.key}>
            <Checkbox
              label={o.already ? `${o.name} (already on the map)` : o.name}
              checked={chosen.has(o.key)}
              onChange={(_e, d) =>
                setChosen((c) => {
                  const next = new Set(c);
                  if (d.checked === true) next.add(o.key);
                  else next.delete(o.key);
                  return next;
                })
              }
            />
          </li>
        ))}
      </ul>
      <div>
        <Button
          appearance="primary"
          disabled={picked.length === 0 || busy}
          onClick={() => {
            void onAdd(picked.map(toFields));
          }}
        >
          {busy ? 'Adding…' : `Add ${picked.length} to the map`}
        </Button>{' '}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}

function FromCatalogue({ items, busy, onAdd, onCancel }: PickerProps): JSX.Element {
  const options = STAKEHOLDER_CATALOGUE.map((c) => ({
    key: c.id,
    name: c.name,
    already: items.some((s) => s.catalogueEntry === c.id && s.name === c.name),
    id: c.id
  }));
  return (
    <Picker
      label="The stakeholder catalogue"
      options={options}
      busy={busy}
      onAdd={onAdd}
      onCancel={onCancel}
      toFields={(o) => ({
        ...emptyStakeholderFields(),
        name: o.name,
        kind: 'group',
        catalogueEntry: o.id,
        reaches: [...(CATALOGUE_REACHES[o.id] ?? [])]
      })}
    />
  );
}

function FromShared({ items, busy, onAdd, onCancel }: PickerProps): JSX.Element {
  const { sharedStakeholders } = useServices();
  const load = React.useCallback(() => sharedStakeholders.list(), [sharedStakeholders]);
  const [state, reload] = useAsync(load);
  return (
    <Loaded state={state} label="Loading the shared list…" onRetry={reload}>
      {(entries) =>
        entries.length === 0 ? (
          <MessageBar intent="info">
            <MessageBarBody>The involvement team’s shared list is empty. The team adds to it from their dashboard.</MessageBarBody>
          </MessageBar>
        ) : (
          <Picker
            label="The team’s shared list"
            busy={busy}
            onAdd={onAdd}
            onCancel={onCancel}
            options={entries.map((e) => ({ key: String(e.id), name: e.name, already: items.some((s) => s.sharedId === e.id), entry: e }))}
            toFields={(o) => fromShared(o.entry)}
          />
        )
      }
    </Loaded>
  );
}

/** Read a CSV file, show every bad row by line and reason, and add only when the lead says so. */
function ImportCsv({
  busy,
  onAdd,
  onCancel
}: {
  busy: boolean;
  onAdd(fields: StakeholderFields[]): Promise<void>;
  onCancel(): void;
}): JSX.Element {
  const styles = useStyles();
  const [result, setResult] = React.useState<CsvImport & { fileName: string; encodingNote?: string }>();
  const [reading, setReading] = React.useState(false);
  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setReading(true);
    try {
      // Read the bytes, not file.text(): that assumes UTF-8 and turns Excel's Windows-1252 into "Caf�" (issue 15 §6).
      const decoded = decodeCsvBytes(new Uint8Array(await readBytes(file)));
      const parsed: CsvImport = decoded.problem
        ? { ready: [], problems: [], ignoredColumns: [], fileProblem: decoded.problem }
        : importStakeholdersCsv(decoded.text);
      setResult({ ...parsed, fileName: file.name, encodingNote: decoded.note });
    } finally {
      setReading(false);
    }
  };
  return (
    <div className={styles.panel} role="group" aria-label="Import from CSV">
      <Text as="p" block>
        Use a CSV file with a first row of column names. “Name” is needed; the others are optional: Type, Catalogue, Email, Phone, May
        contact, Lawful basis, Grid box, Reaches, Methods, Channel, Owner, Audience, Notes. Separate several values with a semicolon. An
        export from this page has the right columns.
      </Text>
      <Field label="CSV file">
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            void readFile(e.currentTarget.files?.[0]);
          }}
        />
      </Field>
      {reading && <Spinner size="tiny" label="Reading the file…" />}
      {result?.fileProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{result.fileName} cannot be imported</MessageBarTitle>
            {result.fileProblem}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && !result.fileProblem && (
        <>
          {result.encodingNote && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{result.encodingNote}</MessageBarBody>
            </MessageBar>
          )}
          {result.problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>
                  {new Set(result.problems.map((p) => p.line)).size}{' '}
                  {new Set(result.problems.map((p) => p.line)).size === 1 ? 'row has a problem' : 'rows have problems'}
                </MessageBarTitle>
                These rows will not be added. Fix them in the file and import it again, or add the other rows now.
                <ul className={styles.problems} aria-label="Problems in the file">
                  {result.problems.map((p) => (
                    <li key={`${p.line}-${p.text}`}>{p.text}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {result.ignoredColumns.length > 0 && (
            <Text as="p" block>
              Columns we do not use were left out: {result.ignoredColumns.join(', ')}.
            </Text>
          )}
          <Text as="p" block>
            {result.ready.length} {result.ready.length === 1 ? 'row is' : 'rows are'} ready to add from {result.fileName}.
          </Text>
          <div>
            <Button
              appearance="primary"
              disabled={result.ready.length === 0 || busy}
              onClick={() => {
                void onAdd(result.ready.map((r) => r.fields));
              }}
            >
              {busy
                ? 'Adding…'
                : result.problems.length
                  ? `Add the ${result.ready.length} good rows and leave out the rest`
                  : `Add ${result.ready.length} stakeholders`}
            </Button>{' '}
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        </>
      )}
    </div>
  );
}
