import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Title2,
  Title3,
  tokens
} from '@fluentui/react-components';
import {
  BANK_HOLIDAY_REGION_NAMES,
  BANK_HOLIDAY_REGIONS,
  DEFAULT_SETTINGS,
  describeSetting,
  isDataError,
  LADDER_IDS,
  LADDERS,
  SETTING_GUIDANCE,
  type BankHolidayRegion,
  type LadderId,
  type SettingKey
} from '../../domain';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useSavedInvolvementSettings } from '../shell/involvementSettings';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';
import { formatDateTime } from '../common/format';
import { GuidancePanel } from '../common/Guidance';
import { RetentionLabelSetting } from './RetentionLabelSetting';
import { NUMBER_SETTINGS, useSettingsForm, type NumberSetting, type SettingsForm } from './useSettingsForm';

const useStyles = makeStyles({
  page: { maxWidth: '52rem' },
  card: { marginBottom: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', marginTop: tokens.spacingVerticalM },
  list: { marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  holiday: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalS
  }
});

const fieldId = (key: string): string => `setting-${key.replace(/\./g, '-')}`;

/** What the guidance says, which guidance the default follows, and a reset. */
function SettingCard({
  setting,
  form,
  readOnly,
  children
}: {
  setting: SettingKey;
  form: SettingsForm;
  readOnly: boolean;
  children?: React.ReactNode;
}): JSX.Element {
  const styles = useStyles();
  const g = SETTING_GUIDANCE[setting];
  return (
    <Card className={styles.card} aria-labelledby={`${fieldId(setting)}-title`}>
      <Title3 as="h3" id={`${fieldId(setting)}-title`}>
        {g.label}
      </Title3>
      <Body1 as="p">{g.guidance}</Body1>
      <Body1 as="p">
        Default: {describeSetting(setting, DEFAULT_SETTINGS[setting])}, following {g.defaultFollows}.
      </Body1>
      {children}
      {g.citations.length > 0 && <GuidancePanel title={`What the toolkits say: ${g.label.toLowerCase()}`} citations={g.citations} />}
      {!readOnly && (
        <div>
          <Button size="small" onClick={() => form.reset(setting)} aria-label={`Reset to the default: ${g.label}`}>
            Reset to the default
          </Button>
        </div>
      )}
    </Card>
  );
}

function NumberSettingField({ setting, form, readOnly }: { setting: NumberSetting; form: SettingsForm; readOnly: boolean }): JSX.Element {
  const g = SETTING_GUIDANCE[setting];
  const message = form.problems.get(setting);
  return (
    <SettingCard setting={setting} form={form} readOnly={readOnly}>
      <Field
        id={fieldId(setting)}
        label={`${g.label} (${g.unit ?? 'number'})`}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <Input
          type="number"
          inputMode="numeric"
          value={form.draft.numbers[setting]}
          readOnly={readOnly}
          onChange={(_e, d) => form.setNumber(setting, d.value)}
        />
      </Field>
    </SettingCard>
  );
}

function HolidaySettings({ form, readOnly }: { form: SettingsForm; readOnly: boolean }): JSX.Element {
  const styles = useStyles();
  const periods = form.draft.holidayPeriods;
  const set = (i: number, key: 'name' | 'from' | 'to', value: string): void =>
    form.setHolidays(periods.map((p, j) => (j === i ? { ...p, [key]: value } : p)));
  const listProblem = form.problems.get('holidayPeriods');
  return (
    <SettingCard setting="holidayPeriods" form={form} readOnly={readOnly}>
      <fieldset>
        <legend>Holiday periods checked every year</legend>
        {periods.length === 0 && <Body1 as="p">No holiday periods: only bank holidays are checked.</Body1>}
        {periods.map((p, i) => {
          const problem = (key: string): string | undefined => form.problems.get(`holidayPeriods.${i}.${key}`);
          return (
            <div key={i} className={styles.holiday} role="group" aria-label={`Holiday period ${i + 1}`}>
              <Field
                label={`Holiday period ${i + 1}: name`}
                validationState={problem('name') ? 'error' : 'none'}
                validationMessage={problem('name')}
              >
                <Input value={p.name} readOnly={readOnly} onChange={(_e, d) => set(i, 'name', d.value)} />
              </Field>
              <Field
                label={`Holiday period ${i + 1}: from (MM-DD)`}
                hint="For example 12-20 for 20 December"
                validationState={problem('from') ? 'error' : 'none'}
                validationMessage={problem('from')}
              >
                <Input value={p.from} readOnly={readOnly} onChange={(_e, d) => set(i, 'from', d.value)} />
              </Field>
              <Field
                label={`Holiday period ${i + 1}: to (MM-DD)`}
                hint="A date before the start runs over the new year"
                validationState={problem('to') ? 'error' : 'none'}
                validationMessage={problem('to')}
              >
                <Input value={p.to} readOnly={readOnly} onChange={(_e, d) => set(i, 'to', d.value)} />
              </Field>
              {!readOnly && (
                <Button onClick={() => form.setHolidays(periods.filter((_p, j) => j !== i))}>Remove holiday period {i + 1}</Button>
              )}
            </div>
          );
        })}
        {listProblem && (
          <MessageBar intent="error">
            <MessageBarBody>{listProblem}</MessageBarBody>
          </MessageBar>
        )}
        {!readOnly && <Button onClick={() => form.setHolidays([...periods, { name: '', from: '', to: '' }])}>Add a holiday period</Button>}
      </fieldset>
    </SettingCard>
  );
}

function ChoiceSetting<T extends string>({
  setting,
  form,
  readOnly,
  value,
  options,
  onChange,
  children
}: {
  setting: SettingKey;
  form: SettingsForm;
  readOnly: boolean;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
  children?: React.ReactNode;
}): JSX.Element {
  const message = form.problems.get(setting);
  return (
    <SettingCard setting={setting} form={form} readOnly={readOnly}>
      <Field
        id={fieldId(setting)}
        label={SETTING_GUIDANCE[setting].label}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <RadioGroup value={value} disabled={readOnly} onChange={(_e, d) => onChange(d.value as T)}>
          {options.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </RadioGroup>
      </Field>
      {children}
    </SettingCard>
  );
}

/** Where applying "who can read plans" to SharePoint stands. */
type ApplyState = { running: boolean; done?: boolean; error?: unknown };

/**
 * Who can read plans they did not write. The setting is applied to the Plans list's own SharePoint
 * setting (its item-level read access), which only a site owner can change: saving it here as a
 * site owner applies it at once; anyone else is told to ask a site owner, who can apply it here.
 */
function ReadAccessSetting({
  form,
  readOnly,
  apply,
  onApply
}: {
  form: SettingsForm;
  readOnly: boolean;
  apply: ApplyState;
  onApply?: () => void;
}): JSX.Element {
  const { isSiteOwner } = useSession();
  return (
    <ChoiceSetting<'all' | 'own'>
      setting="otherUsersCanRead"
      form={form}
      readOnly={readOnly}
      value={form.draft.otherUsersCanRead ? 'all' : 'own'}
      options={[
        { value: 'all', label: 'Yes: staff on this site can read every plan' },
        { value: 'own', label: 'No: staff read only the plans they wrote (the involvement team and site owners still read all)' }
      ]}
      onChange={(v) => form.setOtherUsersCanRead(v === 'all')}
    >
      <Body1 as="p">
        This sets who can read the Plans list in SharePoint. Stakeholder maps, the plans’ history and engagement records stay readable by
        staff on the site. Only a site owner can apply a change to SharePoint:{' '}
        {isSiteOwner ? 'saving a change here applies it.' : 'after saving, ask a site owner to open these settings and apply it.'}
      </Body1>
      {isSiteOwner && onApply && (
        <div>
          <Button size="small" disabled={apply.running} onClick={onApply}>
            {apply.running ? 'Applying to SharePoint…' : 'Apply the saved choice to SharePoint'}
          </Button>
        </div>
      )}
      {apply.done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>SharePoint now lets people read plans as the saved setting says.</MessageBarBody>
        </MessageBar>
      )}
      {apply.error !== undefined && <ErrorBar error={apply.error} />}
    </ChoiceSetting>
  );
}

/** Who changed the settings, when, and what (old → new), newest first. */
function ChangeHistory({ version }: { version: number }): JSX.Element {
  const styles = useStyles();
  const { involvementSettings } = useServices();
  // `version` changes after each save, so the list is read again.
  const load = React.useCallback(() => involvementSettings.history(), [involvementSettings, version]);
  const [state, reload] = useAsync(load);
  return (
    <section aria-labelledby="settings-history-heading">
      <Title3 as="h3" block id="settings-history-heading">
        Changes to these settings
      </Title3>
      <Loaded state={state} label="Reading the changes…" onRetry={reload}>
        {(records) =>
          records.length === 0 ? (
            <Body1 as="p">No changes yet: the defaults apply.</Body1>
          ) : (
            <ol className={styles.list} aria-label="Changes to the settings, newest first">
              {records.map((r, i) => (
                <li key={`${r.at}-${i}`}>
                  <Text weight="semibold">
                    {formatDateTime(r.at)}, {r.by ? r.by.displayName : 'someone'}
                  </Text>
                  {r.unrecorded && (
                    <Caption1 as="p">
                      This change was saved but its record was not: it is worked out from the settings before and after.
                    </Caption1>
                  )}
                  <ul className={styles.list}>
                    {r.changes.map((c) => (
                      <li key={c.key}>
                        {c.label}: {c.from} → {c.to}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}

/** Props for {@link InvolvementSettingsPage}. */
export type InvolvementSettingsPageProps = { onBack(): void };

/**
 * The organisation's involvement settings, for site owners and the involvement team: the figures
 * where the toolkits differ (lead times, programme lengths, consultation length, report deadline,
 * holidays, the ladder shown). Each says what the guidance says and which guidance its default
 * follows, with a reset; a bad value is explained at the field and never saved; a save is made
 * at the version read (someone else's change is never overwritten silently) and recorded — who,
 * when, old → new. Every plan's advice, the Teams card and the Word export use what is saved here.
 */
export function InvolvementSettingsPage({ onBack }: InvolvementSettingsPageProps): JSX.Element {
  const styles = useStyles();
  const { mayManage, isSiteOwner } = useSession();
  const { provisioner } = useServices();
  const readOnly = !mayManage;
  const saved = useSavedInvolvementSettings();
  const [historyVersion, setHistoryVersion] = React.useState(0);
  const [apply, setApply] = React.useState<ApplyState>({ running: false });
  const applyReadAccess = async (): Promise<void> => {
    setApply({ running: true });
    try {
      // Setting up the lists again reads the saved choice and puts the Plans list's read access right (and nothing else changes if all is well).
      await provisioner.ensure();
      setApply({ running: false, done: true });
    } catch (error) {
      setApply({ running: false, error });
    }
  };
  const form = useSettingsForm((changes) => {
    setHistoryVersion((v) => v + 1);
    if (isSiteOwner && changes.some((c) => c.key === 'otherUsersCanRead')) void applyReadAccess();
  });
  const problemsShown = form.refused ? [...form.problems.values()] : [];
  return (
    <section className={styles.page} aria-labelledby="settings-heading">
      <Button appearance="subtle" onClick={onBack}>
        ← Dashboard
      </Button>
      <Title2 as="h2" block id="settings-heading">
        Involvement settings
      </Title2>
      <Body1 as="p">
        Where the NHS toolkits give different figures, your organisation chooses one here. Every plan’s advice — the recommended level, the
        proposed timeline and its warnings, the checklist — and the Teams card and the Word export use what is saved here. Each default says
        which guidance it follows.
      </Body1>
      {readOnly && (
        <MessageBar intent="info">
          <MessageBarBody>Only site owners and the involvement team can change these settings.</MessageBarBody>
        </MessageBar>
      )}
      {saved.stored.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some saved settings could not be read</MessageBarTitle>
            Their defaults apply until the settings are saved again:{' '}
            {saved.stored.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.text}`).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {NUMBER_SETTINGS.map((k) => (
        <NumberSettingField key={k} setting={k} form={form} readOnly={readOnly} />
      ))}
      <HolidaySettings form={form} readOnly={readOnly} />
      <ChoiceSetting<BankHolidayRegion>
        setting="bankHolidayRegion"
        form={form}
        readOnly={readOnly}
        value={form.draft.bankHolidayRegion}
        options={BANK_HOLIDAY_REGIONS.map((r) => ({ value: r, label: BANK_HOLIDAY_REGION_NAMES[r] }))}
        onChange={form.setRegion}
      />
      <ChoiceSetting<LadderId>
        setting="ladderShown"
        form={form}
        readOnly={readOnly}
        value={form.draft.ladderShown}
        options={LADDER_IDS.map((id) => ({ value: id, label: `${LADDERS[id].title}. ${LADDERS[id].orderNote}` }))}
        onChange={form.setLadder}
      />
      <ReadAccessSetting form={form} readOnly={readOnly} apply={apply} onApply={() => void applyReadAccess()} />
      {!readOnly && (
        <>
          {form.changes.length > 0 && (
            <section aria-label="Changes you are about to save">
              <Text weight="semibold">Changes you are about to save:</Text>
              <ul className={styles.list}>
                {form.changes.map((c) => (
                  <li key={c.key}>
                    {c.label}: {c.from} → {c.to}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={form.saving}
              onClick={() => {
                void form.save();
              }}
            >
              Save the settings
            </Button>
            <Button disabled={form.saving} onClick={form.undo}>
              Undo unsaved changes
            </Button>
          </div>
        </>
      )}
      {form.refused && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing was saved: put these right first</MessageBarTitle>
            <ul className={styles.list}>
              {problemsShown.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {form.saved && (
        <MessageBar intent={form.saved.changeNotRecorded ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Settings saved</MessageBarTitle>
            Every plan’s advice now uses them.
            {form.saved.changeNotRecorded &&
              ' But the record of this change could not be written: the list of changes shows it as not recorded.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {form.error !== undefined &&
        (isDataError(form.error, 'conflict') ? (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Someone else saved the settings since you opened them</MessageBarTitle>
              Nothing of theirs was overwritten, and your changes are still here. Read their settings: your changes are kept on top of them.
              Check the changes listed above, then save again.
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  void form.readLatest();
                }}
              >
                Read the saved settings
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <ErrorBar error={form.error} />
        ))}
      <RetentionLabelSetting />
      <ChangeHistory version={historyVersion} />
    </section>
  );
}
