import * as React from 'react';
import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { KeptWorkBar, useKeptWork } from '../common/keptWork';
import { ReachesFieldset } from '../common/ReachesFieldset';
import {
  ENGAGEMENT_METHODS,
  GRID_QUADRANT_INFO,
  GRID_QUADRANTS,
  newStakeholderSchema,
  STAKEHOLDER_CATALOGUE,
  STAKEHOLDER_KIND_NAMES,
  STAKEHOLDER_KINDS,
  toFieldProblems,
  type GridQuadrant,
  type MethodId,
  type StakeholderCatalogueId,
  type StakeholderFields,
  type StakeholderKind
} from '../../domain';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0
  },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' }
});

/** Props for {@link StakeholderForm}. */
export type StakeholderFormProps = {
  /** Heading of the form, e.g. "New stakeholder" or the stakeholder's name. */
  title: string;
  initial: StakeholderFields;
  /** The communications plan's audiences, to link the stakeholder to one. */
  audiences: readonly string[];
  readOnly: boolean;
  saveLabel: string;
  onSave(fields: StakeholderFields): Promise<boolean>;
  onCancel(): void;
  /** Id prefix for the form's fields (unique on the page). */
  idPrefix: string;
  /** Where unsaved changes are kept in the browser, so a reload does not lose them. */
  draftKey: string;
  children?: React.ReactNode;
};

/** A stakeholder's details: who they are, whether we may contact them, who they reach and how we engage them. */
export function StakeholderForm({
  title,
  initial,
  audiences,
  readOnly,
  saveLabel,
  onSave,
  onCancel,
  idPrefix,
  draftKey,
  children
}: StakeholderFormProps): JSX.Element {
  const styles = useStyles();
  const [fields, setFields] = React.useState(initial);
  const [problems, setProblems] = React.useState(new Map<string, string>());
  const [saving, setSaving] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  const same = (a: StakeholderFields, b: StakeholderFields): boolean => JSON.stringify(a) === JSON.stringify(b);
  const kept = useKeptWork<StakeholderFields>(draftKey);
  const { keep, clear } = kept;
  const [offer, setOffer] = React.useState<StakeholderFields>();
  const edited = React.useRef(false);
  const offered = React.useRef(false);
  // What was kept is read from the browser's store; offered back once it has loaded.
  React.useEffect(() => {
    if (!kept.loaded || offered.current) return;
    offered.current = true;
    if (kept.value && !edited.current && !same(kept.value, initial)) setOffer(kept.value);
  }, [kept.loaded, kept.value, initial]);
  React.useEffect(() => {
    // Keep a copy of unsaved changes (only once the person has changed something).
    if (edited.current && !readOnly) {
      keep(same(fields, initial) ? undefined : fields);
    }
  }, [fields, initial, readOnly, keep]);
  const set = <K extends keyof StakeholderFields>(key: K, value: StakeholderFields[K]): void => {
    edited.current = true;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const toggle = <T extends string>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  const message = (key: string): { validationState: 'error' | 'none'; validationMessage?: string } => ({
    validationState: problems.has(key) ? 'error' : 'none',
    validationMessage: problems.get(key)
  });
  const isGroup = fields.kind === 'group';

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = newStakeholderSchema.safeParse(fields);
    if (!checked.success) {
      const found = new Map(toFieldProblems(checked.error).map((p) => [p.path.split('.')[0], p.text] as const));
      setProblems(found);
      document.getElementById(`${idPrefix}-${[...found.keys()][0]}`)?.focus();
      return;
    }
    setProblems(new Map());
    setSaving(true);
    try {
      if (await onSave(checked.data)) clear();
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        void submit(e);
      }}
      aria-label={title}
      noValidate
    >
      <h4>{title}</h4>
      {offer && !readOnly && (
        <KeptWorkBar
          restoreLabel="Restore my changes"
          onRestore={() => {
            edited.current = true;
            setFields(offer);
            setOffer(undefined);
          }}
          discardLabel="Discard them"
          onDiscard={() => {
            clear();
            setOffer(undefined);
          }}
        >
          You changed this stakeholder earlier and the changes were not saved. They were kept in this browser.
        </KeptWorkBar>
      )}
      {problems.size > 0 && (
        <Text role="alert" weight="semibold">
          Check the {problems.size === 1 ? 'field' : `${problems.size} fields`} marked below.
        </Text>
      )}
      <Field label="Name" required {...message('name')}>
        <Input id={`${idPrefix}-name`} value={fields.name} readOnly={readOnly} onChange={(_e, d) => set('name', d.value)} />
      </Field>
      <Field label="Type" {...message('kind')}>
        <RadioGroup
          id={`${idPrefix}-kind`}
          layout="horizontal"
          value={fields.kind}
          disabled={readOnly}
          onChange={(_e, d) => set('kind', d.value as StakeholderKind)}
        >
          {STAKEHOLDER_KINDS.map((k) => (
            <Radio key={k} value={k} label={STAKEHOLDER_KIND_NAMES[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Kind of stakeholder (catalogue)" hint="Optional" {...message('catalogueEntry')}>
        <Select
          id={`${idPrefix}-catalogueEntry`}
          value={fields.catalogueEntry ?? ''}
          disabled={readOnly}
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
      {isGroup && !fields.email && !fields.phone ? (
        <Text as="p" block>
          Groups need no personal data: we do not keep contact details for a group.
        </Text>
      ) : (
        <fieldset className={styles.fieldset}>
          <legend>Contact details (optional)</legend>
          <Field label="Email" {...message('email')}>
            <Input
              id={`${idPrefix}-email`}
              type="email"
              value={fields.email}
              readOnly={readOnly}
              onChange={(_e, d) => set('email', d.value)}
            />
          </Field>
          <Field label="Phone" {...message('phone')}>
            <Input
              id={`${idPrefix}-phone`}
              type="tel"
              value={fields.phone}
              readOnly={readOnly}
              onChange={(_e, d) => set('phone', d.value)}
            />
          </Field>
        </fieldset>
      )}
      <Checkbox
        id={`${idPrefix}-mayContact`}
        label="We may contact them"
        checked={fields.mayContact}
        disabled={readOnly}
        onChange={(_e, d) => set('mayContact', d.checked === true)}
      />
      {fields.mayContact && (
        <Field
          label="Lawful basis for contacting them"
          hint={
            fields.kind === 'person'
              ? 'Required for a person, for example consent given on 3 March, or public task.'
              : 'Optional for an organisation or group.'
          }
          {...message('lawfulBasis')}
        >
          <Textarea
            id={`${idPrefix}-lawfulBasis`}
            value={fields.lawfulBasis}
            readOnly={readOnly}
            onChange={(_e, d) => set('lawfulBasis', d.value)}
          />
        </Field>
      )}
      <Field label="Box on the grid" {...message('quadrant')}>
        <Select
          id={`${idPrefix}-quadrant`}
          value={fields.quadrant ?? ''}
          disabled={readOnly}
          onChange={(_e, d) => set('quadrant', (d.value || null) as GridQuadrant | null)}
        >
          <option value="">Not placed yet</option>
          {GRID_QUADRANTS.map((q) => (
            <option key={q} value={q}>
              {GRID_QUADRANT_INFO[q].name}
            </option>
          ))}
        </Select>
      </Field>
      <ReachesFieldset value={fields.reaches} disabled={readOnly} onChange={(v) => set('reaches', v)} />
      <fieldset className={styles.fieldset}>
        <legend>How we will engage them</legend>
        <div className={styles.columns}>
          {ENGAGEMENT_METHODS.map((m) => (
            <Checkbox
              key={m.id}
              label={m.name}
              checked={fields.methods.includes(m.id)}
              disabled={readOnly}
              onChange={(_e, d) => set('methods', toggle<MethodId>(fields.methods, m.id, d.checked === true))}
            />
          ))}
        </div>
        <Field label="Channel" hint="For example monthly carers' forum, email newsletter, ward huddle" {...message('channel')}>
          <Input id={`${idPrefix}-channel`} value={fields.channel} readOnly={readOnly} onChange={(_e, d) => set('channel', d.value)} />
        </Field>
        <Field label="Who owns the relationship" {...message('owner')}>
          <Input id={`${idPrefix}-owner`} value={fields.owner} readOnly={readOnly} onChange={(_e, d) => set('owner', d.value)} />
        </Field>
        <Field
          label="Audience in the communications plan"
          hint={audiences.length ? undefined : 'Add audiences in the communications and engagement plan to link them here.'}
          {...message('audience')}
        >
          <Select id={`${idPrefix}-audience`} value={fields.audience} disabled={readOnly} onChange={(_e, d) => set('audience', d.value)}>
            <option value="">None</option>
            {fields.audience && !audiences.includes(fields.audience) && (
              <option value={fields.audience}>{fields.audience} (no longer in the communications plan)</option>
            )}
            {audiences.filter(Boolean).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <Field label="Notes" {...message('notes')}>
        <Textarea id={`${idPrefix}-notes`} value={fields.notes} readOnly={readOnly} onChange={(_e, d) => set('notes', d.value)} />
      </Field>
      <div className={styles.actions}>
        {!readOnly && (
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? 'Saving…' : saveLabel}
          </Button>
        )}
        <Button
          onClick={() => {
            if (!readOnly) clear();
            onCancel();
          }}
        >
          {readOnly ? 'Close' : 'Cancel'}
        </Button>
      </div>
      {children}
    </form>
  );
}
