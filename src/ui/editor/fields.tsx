import * as React from 'react';
import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Textarea, tokens } from '@fluentui/react-components';
import { useEditor, useField, fieldId } from './EditorContext';
import { getIn, rowPath, type PlanPathTo, type PlanValue } from './paths';

const useStyles = makeStyles({
  field: { marginBottom: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
    maxWidth: '48rem'
  },
  rowHeader: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  list: { listStyleType: 'none', padding: 0, margin: 0 }
});

/** Props shared by the guide's fields: `path` must lead to a value of type `T`. */
export type FieldProps<T> = { path: PlanPathTo<T>; label: string; hint?: string; required?: boolean };

/** A text field bound to the plan; multi-line for longer answers. */
export function TextField({
  path,
  label,
  hint,
  required,
  multiline
}: FieldProps<string | undefined> & { multiline?: boolean }): JSX.Element {
  const styles = useStyles();
  const f = useField<string | undefined>(path);
  return (
    <div id={f.id} className={styles.field}>
      <Field label={label} hint={hint} required={required} validationState={f.message ? 'error' : 'none'} validationMessage={f.message}>
        {multiline ? (
          <Textarea value={f.value ?? ''} readOnly={f.readOnly} resize="vertical" rows={3} onChange={(_e, d) => f.set(d.value)} />
        ) : (
          <Input value={f.value ?? ''} readOnly={f.readOnly} onChange={(_e, d) => f.set(d.value)} />
        )}
      </Field>
    </div>
  );
}

/** A date field (the browser's date picker, stored as YYYY-MM-DD). */
export function DateField({ path, label, hint, required }: FieldProps<string>): JSX.Element {
  const styles = useStyles();
  const f = useField<string>(path);
  return (
    <div id={f.id} className={styles.field}>
      <Field
        label={label}
        hint={hint ?? 'For example 30/06/2027'}
        required={required}
        validationState={f.message ? 'error' : 'none'}
        validationMessage={f.message}
      >
        <Input type="date" value={f.value ?? ''} readOnly={f.readOnly} onChange={(_e, d) => f.set(d.value)} />
      </Field>
    </div>
  );
}

/** One choice from a few, as radio buttons. `null` means not answered yet. */
export function ChoiceField<T extends string>({
  path,
  label,
  hint,
  required,
  options,
  layout
}: FieldProps<T | null> & { options: ReadonlyArray<{ value: T; label: string }>; layout?: 'horizontal' | 'vertical' }): JSX.Element {
  const styles = useStyles();
  const f = useField<T | null>(path);
  return (
    <div id={f.id} className={styles.field}>
      <Field label={label} hint={hint} required={required} validationState={f.message ? 'error' : 'none'} validationMessage={f.message}>
        <RadioGroup layout={layout ?? 'horizontal'} value={f.value ?? ''} disabled={f.readOnly} onChange={(_e, d) => f.set(d.value as T)}>
          {options.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}

/** One choice from a longer list, as a native select. */
export function SelectField<T extends string>({
  path,
  label,
  hint,
  required,
  options,
  emptyLabel
}: FieldProps<T | null> & { options: ReadonlyArray<{ value: T; label: string }>; emptyLabel: string }): JSX.Element {
  const styles = useStyles();
  const f = useField<T | null>(path);
  return (
    <div id={f.id} className={styles.field}>
      <Field label={label} hint={hint} required={required} validationState={f.message ? 'error' : 'none'} validationMessage={f.message}>
        <Select value={f.value ?? ''} disabled={f.readOnly} onChange={(_e, d) => f.set((d.value || null) as T | null)}>
          <option value="">{emptyLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** A yes/no tick box. */
export function CheckboxField({ path, label }: { path: PlanPathTo<boolean>; label: string }): JSX.Element {
  const f = useField<boolean>(path);
  return (
    <div id={f.id}>
      <Checkbox checked={!!f.value} disabled={f.readOnly} label={label} onChange={(_e, d) => f.set(d.checked === true)} />
    </div>
  );
}

/** A column of a {@link RowsEditor}: `key` is a field of the row. */
export interface RowColumn<K extends string = string> {
  key: K;
  label: string;
  multiline?: boolean;
  type?: 'text' | 'date' | 'number';
  hint?: string;
}

/** Paths of the plan that hold a list of rows. */
export type RowsPath = PlanPathTo<ReadonlyArray<object>>;
type RowOf<P extends RowsPath> = PlanValue<P>[number];

/** Props for {@link RowsEditor}. */
export type RowsEditorProps<P extends RowsPath> = {
  path: P;
  legend: string;
  columns: ReadonlyArray<RowColumn<keyof RowOf<P> & string>>;
  /** Rows the lead adds here: the label of the add button and the new row (omit both where rows are added elsewhere). */
  newRow?: () => RowOf<P>;
  addLabel?: string;
  rowLabel: (row: RowOf<P>, index: number) => string;
  renderExtra?: (index: number) => React.ReactNode;
};

/** A list of rows of fields (risks, audiences, KPIs…) with add and remove. */
export function RowsEditor<P extends RowsPath>({
  path,
  legend,
  columns,
  newRow,
  addLabel,
  rowLabel,
  renderExtra
}: RowsEditorProps<P>): JSX.Element {
  const styles = useStyles();
  const editor = useEditor();
  const rows = (getIn(editor.content, path) as Array<RowOf<P>> | undefined) ?? [];
  const setRows = (next: Array<RowOf<P>>): void => (editor.update as (path: RowsPath, value: unknown) => void)(path, next);
  const message = editor.showRequired ? editor.missing.get(path) : undefined;
  return (
    <fieldset id={fieldId(path)} className={styles.field}>
      <legend>
        <strong>{legend}</strong>
      </legend>
      {message && <Field validationState="error" validationMessage={message} />}
      <ol className={styles.list}>
        {rows.map((row, i) => (
          <li key={i} className={styles.row} aria-label={rowLabel(row, i)}>
            <div className={styles.rowHeader}>
              <strong>{rowLabel(row, i)}</strong>
              {!editor.readOnly && (
                <Button appearance="subtle" onClick={() => setRows(rows.filter((_r, j) => j !== i))}>
                  Remove {rowLabel(row, i)}
                </Button>
              )}
            </div>
            {columns.map((c) =>
              c.type === 'date' ? (
                <DateField key={c.key} path={rowPath<string>(path, i, c.key)} label={c.label} hint={c.hint} />
              ) : c.type === 'number' ? (
                <NumberField key={c.key} path={rowPath<number>(path, i, c.key)} label={c.label} hint={c.hint} />
              ) : (
                <TextField key={c.key} path={rowPath<string>(path, i, c.key)} label={c.label} hint={c.hint} multiline={c.multiline} />
              )
            )}
            {renderExtra?.(i)}
          </li>
        ))}
      </ol>
      {!editor.readOnly && addLabel && newRow && <Button onClick={() => setRows([...rows, newRow()])}>{addLabel}</Button>}
    </fieldset>
  );
}

/** A number field; what the lead types is kept until it is a valid number. */
export function NumberField({ path, label, hint, min = 0, step = 1 }: FieldProps<number> & { min?: number; step?: number }): JSX.Element {
  const styles = useStyles();
  const f = useField<number>(path);
  // What the lead is typing, kept until they leave the field, so "2." is not rewritten as "2".
  const [draft, setDraft] = React.useState<string>();
  const text = draft ?? String(f.value ?? 0);
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
  return (
    <div id={f.id} className={styles.field}>
      <Field
        label={label}
        hint={hint}
        validationState={invalid || f.message ? 'error' : 'none'}
        validationMessage={invalid ? 'Enter a number, for example 200.' : f.message}
      >
        <Input
          type="number"
          inputMode="decimal"
          min={min}
          step={step}
          value={text}
          readOnly={f.readOnly}
          onBlur={() => {
            if (!invalid) setDraft(undefined);
          }}
          onChange={(_e, d) => {
            setDraft(d.value);
            const n = Number(d.value);
            if (d.value.trim() !== '' && Number.isFinite(n)) f.set(n);
          }}
        />
      </Field>
    </div>
  );
}

/** A list of short texts (for example the decisions the engagement will inform). */
export function TextListField({
  path,
  legend,
  itemLabel,
  addLabel,
  hint
}: {
  path: PlanPathTo<string[]>;
  legend: string;
  itemLabel: string;
  addLabel: string;
  hint?: string;
}): JSX.Element {
  const styles = useStyles();
  const editor = useEditor();
  const items = (getIn(editor.content, path) as string[] | undefined) ?? [];
  const message = editor.showRequired ? editor.missing.get(path) : undefined;
  return (
    <fieldset id={fieldId(path)} className={styles.field}>
      <legend>
        <strong>{legend}</strong>
      </legend>
      {hint && <p>{hint}</p>}
      {message && <Field validationState="error" validationMessage={message} />}
      <ol className={styles.list}>
        {items.map((_item, i) => (
          <li key={i} className={styles.rowHeader}>
            <TextField path={rowPath<string>(path, i)} label={`${itemLabel} ${i + 1}`} />
            {!editor.readOnly && (
              <Button
                appearance="subtle"
                onClick={() =>
                  editor.update(
                    path,
                    items.filter((_x, j) => j !== i)
                  )
                }
              >
                Remove {itemLabel.toLowerCase()} {i + 1}
              </Button>
            )}
          </li>
        ))}
      </ol>
      {!editor.readOnly && <Button onClick={() => editor.update(path, [...items, ''])}>{addLabel}</Button>}
    </fieldset>
  );
}
