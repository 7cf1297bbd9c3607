import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
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
  INEQUALITY_GROUPS,
  isStored,
  organisationStakeholderSchema,
  PROTECTED_CHARACTERISTICS,
  STAKEHOLDER_CATALOGUE,
  STAKEHOLDER_KIND_NAMES,
  STAKEHOLDER_KINDS,
  toFieldProblems,
  type OrganisationStakeholder,
  type Stored,
  type StakeholderCatalogueId,
  type StakeholderKind
} from '../../domain';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useAsync } from '../common/useAsync';
import { ActionBar, ErrorBar, Loaded } from '../common/components';
import { newRequestId } from '../common/requestId';
import { ReachesFieldset } from '../common/ReachesFieldset';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '40rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM
  },
  search: { maxWidth: '24rem' }
});

const GROUPS = [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS];
const EMPTY: OrganisationStakeholder = { name: '', kind: 'organisation', catalogueEntry: null, email: '', reaches: [], notes: '' };

/**
 * The involvement team's shared stakeholder list, reused across plans (NENC: "the team can
 * share lists"). The team adds, edits and removes entries; project leads pick from it.
 */
export function SharedStakeholders(): JSX.Element {
  const { sharedStakeholders } = useServices();
  const load = React.useCallback(() => sharedStakeholders.list(), [sharedStakeholders]);
  const [state, reload] = useAsync(load);
  const [editing, setEditing] = React.useState<OrganisationStakeholder>();
  const [removing, setRemoving] = React.useState<Stored<OrganisationStakeholder>>();
  const [search, setSearch] = React.useState('');
  const [error, setError] = React.useState<unknown>();
  const [done, setDone] = React.useState('');
  const styles = useStyles();
  const { mayManage: canEdit } = useSession();
  const requestId = React.useRef(newRequestId());

  const save = async (entry: OrganisationStakeholder): Promise<void> => {
    setError(undefined);
    try {
      if (isStored(entry)) await sharedStakeholders.save(entry);
      else {
        await sharedStakeholders.add(entry, requestId.current);
        requestId.current = newRequestId();
      }
      setEditing(undefined);
      setDone(`${entry.name} is saved in the shared list.`);
      reload();
    } catch (caught) {
      setError(caught);
      if ((caught as { kind?: string }).kind === 'conflict') reload();
    }
  };
  const remove = async (entry: Stored<OrganisationStakeholder>): Promise<void> => {
    setError(undefined);
    try {
      await sharedStakeholders.remove(entry.id, entry.version);
      setRemoving(undefined);
      setDone(`${entry.name} was removed from the shared list. Plans that already use it keep their copy.`);
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="shared-heading">
      <Title3 as="h3" block id="shared-heading">
        Shared stakeholder list
      </Title3>
      <Text as="p" block>
        Stakeholders the team works with again and again. Project leads add them to their plans’ maps from here.
      </Text>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ErrorBar error={error} />}
      {canEdit && !editing && (
        <Button
          onClick={() => {
            setDone('');
            setEditing(EMPTY);
          }}
        >
          Add to the shared list
        </Button>
      )}
      {editing && <SharedEntryForm key={editing.id ?? 'new'} entry={editing} onSave={save} onCancel={() => setEditing(undefined)} />}
      <Loaded state={state} label="Loading the shared list…" onRetry={reload}>
        {(entries) => {
          const term = search.trim().toLowerCase();
          const shown = entries.filter((e) => !term || e.name.toLowerCase().includes(term));
          return (
            <>
              <Field label="Search the shared list" className={styles.search}>
                <Input type="search" value={search} onChange={(_e, d) => setSearch(d.value)} />
              </Field>
              <Text as="p" block role="status">
                {shown.length} of {entries.length} shown.
              </Text>
              <Table aria-label="Shared stakeholder list" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Type</TableHeaderCell>
                    <TableHeaderCell>Catalogue</TableHeaderCell>
                    <TableHeaderCell>Reaches</TableHeaderCell>
                    {canEdit && <TableHeaderCell>Change</TableHeaderCell>}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell>{e.name}</TableCell>
                      <TableCell>{STAKEHOLDER_KIND_NAMES[e.kind]}</TableCell>
                      <TableCell>{STAKEHOLDER_CATALOGUE.find((c) => c.id === e.catalogueEntry)?.name ?? '—'}</TableCell>
                      <TableCell>{e.reaches.map((g) => GROUPS.find((x) => x.id === g)?.name ?? g).join(', ') || '—'}</TableCell>
                      {canEdit && (
                        <TableCell>
                          <Button
                            size="small"
                            aria-label={`Edit ${e.name}`}
                            onClick={() => {
                              setDone('');
                              setEditing(e);
                            }}
                          >
                            Edit
                          </Button>{' '}
                          <Button size="small" aria-label={`Remove ${e.name}`} onClick={() => setRemoving(e)}>
                            Remove
                          </Button>
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          );
        }}
      </Loaded>
      {removing && (
        <ActionBar
          actions={[
            {
              label: 'Yes, remove',
              onClick: () => {
                void remove(removing);
              }
            },
            { label: 'No, keep', onClick: () => setRemoving(undefined) }
          ]}
        >
          Remove {removing.name} from the shared list? Plans that already use it keep their copy.
        </ActionBar>
      )}
    </section>
  );
}

function SharedEntryForm({
  entry,
  onSave,
  onCancel
}: {
  entry: OrganisationStakeholder;
  onSave(e: OrganisationStakeholder): Promise<void>;
  onCancel(): void;
}): JSX.Element {
  const styles = useStyles();
  const [value, setValue] = React.useState(entry);
  const [problems, setProblems] = React.useState(new Map<string, string>());
  const [saving, setSaving] = React.useState(false);
  const set = <K extends keyof OrganisationStakeholder>(k: K, v: OrganisationStakeholder[K]): void => setValue((x) => ({ ...x, [k]: v }));
  const msg = (k: string): { validationState: 'error' | 'none'; validationMessage?: string } => ({
    validationState: problems.has(k) ? 'error' : 'none',
    validationMessage: problems.get(k)
  });
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = organisationStakeholderSchema.safeParse(value);
    if (!checked.success) {
      setProblems(new Map(toFieldProblems(checked.error).map((p) => [p.path.split('.')[0], p.text] as const)));
      return;
    }
    setProblems(new Map());
    setSaving(true);
    try {
      await onSave({ ...checked.data, id: entry.id, version: entry.version });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        void submit(e);
      }}
      aria-label={entry.id ? `Edit ${entry.name}` : 'Add to the shared list'}
      noValidate
    >
      <Field label="Name" required {...msg('name')}>
        <Input value={value.name} onChange={(_e, d) => set('name', d.value)} />
      </Field>
      <Field label="Type" {...msg('kind')}>
        <RadioGroup layout="horizontal" value={value.kind} onChange={(_e, d) => set('kind', d.value as StakeholderKind)}>
          {STAKEHOLDER_KINDS.map((k) => (
            <Radio key={k} value={k} label={STAKEHOLDER_KIND_NAMES[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Kind of stakeholder (catalogue)" hint="Optional">
        <Select
          value={value.catalogueEntry ?? ''}
          onChange={(_e, d) => set('catalogueEntry', (d.value || null) as StakeholderCatalogueId | null)}
        >
          <option value="">None</option>
          {STAKEHOLDER_CATALOGUE.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      {(value.kind !== 'group' || value.email) && (
        <Field label="Shared email address" hint="An organisation’s general address, not a person’s" {...msg('email')}>
          <Input type="email" value={value.email} onChange={(_e, d) => set('email', d.value)} />
        </Field>
      )}
      <ReachesFieldset value={value.reaches} onChange={(v) => set('reaches', v)} />
      <Field label="Notes" {...msg('notes')}>
        <Textarea value={value.notes} onChange={(_e, d) => set('notes', d.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>{' '}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
