import * as React from 'react';
import {
  DEFAULT_SETTINGS,
  diffSettings,
  involvementSettingsSchema,
  toFieldProblems,
  type BankHolidayRegion,
  type HolidayPeriod,
  type InvolvementSettings,
  type LadderId,
  type SavedSettings,
  type SettingChange,
  type SettingKey
} from '../../domain';
import { useServices } from '../shell/services';
import { useSavedInvolvementSettings } from '../shell/involvementSettings';

/** The settings typed as whole numbers (weeks or months). */
export const NUMBER_SETTINGS = [
  'planningLeadWeeks',
  'engagementMinimumMonths',
  'consultationProgrammeMinimumMonths',
  'consultationMinimumWeeks',
  'proposedConsultationWeeks',
  'reportDueWeeksAfterClose'
] as const;
/** A setting typed as a whole number. */
export type NumberSetting = (typeof NUMBER_SETTINGS)[number];

/** The settings as the form holds them: numbers as typed, so a bad value is kept and explained, not lost. */
export interface SettingsDraft {
  readonly numbers: Readonly<Record<NumberSetting, string>>;
  readonly holidayPeriods: readonly HolidayPeriod[];
  readonly bankHolidayRegion: BankHolidayRegion;
  readonly ladderShown: LadderId;
  readonly otherUsersCanRead: boolean;
}

/** The form's starting point for some settings. */
export function draftOf(settings: InvolvementSettings): SettingsDraft {
  return {
    numbers: Object.fromEntries(NUMBER_SETTINGS.map((k) => [k, String(settings[k])])) as Record<NumberSetting, string>,
    holidayPeriods: settings.holidayPeriods.map((p) => ({ ...p })),
    bankHolidayRegion: settings.bankHolidayRegion,
    ladderShown: settings.ladderShown,
    otherUsersCanRead: settings.otherUsersCanRead
  };
}

/** The draft as settings to validate (a number that is not one stays not a number, and is reported). */
function candidate(draft: SettingsDraft): Record<SettingKey, unknown> {
  const numbers = Object.fromEntries(
    NUMBER_SETTINGS.map((k) => [k, draft.numbers[k].trim() === '' ? Number.NaN : Number(draft.numbers[k])])
  ) as Record<NumberSetting, number>;
  return {
    ...numbers,
    holidayPeriods: draft.holidayPeriods,
    bankHolidayRegion: draft.bankHolidayRegion,
    ladderShown: draft.ladderShown,
    otherUsersCanRead: draft.otherUsersCanRead
  };
}

/**
 * After someone else saved: their settings, with only what this person changed typed over them
 * (a setting they did not touch takes the newly saved value, so their change is never undone).
 */
export function rebaseDraft(draft: SettingsDraft, base: SettingsDraft, latest: SettingsDraft): SettingsDraft {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const numbers = Object.fromEntries(
    NUMBER_SETTINGS.map((k) => [k, draft.numbers[k] === base.numbers[k] ? latest.numbers[k] : draft.numbers[k]])
  ) as Record<NumberSetting, string>;
  const pick = <K extends Exclude<keyof SettingsDraft, 'numbers'>>(k: K): SettingsDraft[K] =>
    same(draft[k], base[k]) ? latest[k] : draft[k];
  return {
    numbers,
    holidayPeriods: pick('holidayPeriods'),
    bankHolidayRegion: pick('bankHolidayRegion'),
    ladderShown: pick('ladderShown'),
    otherUsersCanRead: pick('otherUsersCanRead')
  };
}

/** What the settings form shows and does. */
export interface SettingsForm {
  readonly draft: SettingsDraft;
  /** Plain-English problems by field path (`planningLeadWeeks`, `holidayPeriods.0.from`). */
  readonly problems: ReadonlyMap<string, string>;
  /** What would change if saved now, in words (empty when nothing changed or the draft is not valid). */
  readonly changes: SettingChange[];
  readonly saving: boolean;
  readonly saved?: SavedSettings;
  readonly error?: unknown;
  /** Problems shown after a save was refused because of them. */
  readonly refused: boolean;
  setNumber(key: NumberSetting, value: string): void;
  setHolidays(periods: readonly HolidayPeriod[]): void;
  setRegion(region: BankHolidayRegion): void;
  setLadder(ladder: LadderId): void;
  setOtherUsersCanRead(value: boolean): void;
  /** Put one setting back to its default (saved when the person saves). */
  reset(key: SettingKey): void;
  /** Drop unsaved changes. */
  undo(): void;
  /** Read the settings saved since (after a conflict) and keep this person's changes on top of them. */
  readLatest(): Promise<void>;
  save(): Promise<void>;
}

/** The settings page's state: a draft of the saved settings, validated as it is typed, saved at the version read. */
export function useSettingsForm(onSaved: (changes: readonly SettingChange[]) => void): SettingsForm {
  const { involvementSettings } = useServices();
  const saved = useSavedInvolvementSettings();
  const [draft, setDraft] = React.useState(() => draftOf(saved.stored.settings));
  // What the draft started from, so that reading someone else's save keeps only this person's changes.
  const [base, setBase] = React.useState(() => draftOf(saved.stored.settings));
  const [saving, setSaving] = React.useState(false);
  const [result, setResult] = React.useState<{ saved?: SavedSettings; error?: unknown; refused: boolean }>({ refused: false });

  const parsed = involvementSettingsSchema.safeParse(candidate(draft));
  const problems = new Map(parsed.success ? [] : toFieldProblems(parsed.error).map((p) => [p.path, p.text] as const));
  const changes = parsed.success ? diffSettings(saved.stored.settings, parsed.data) : [];

  const edit = (change: (d: SettingsDraft) => SettingsDraft): void => {
    setDraft((d) => change(d));
    setResult({ refused: false });
  };
  const reset = (key: SettingKey): void =>
    edit((d) => {
      const defaults = draftOf(DEFAULT_SETTINGS);
      if ((NUMBER_SETTINGS as readonly string[]).includes(key))
        return { ...d, numbers: { ...d.numbers, [key]: defaults.numbers[key as NumberSetting] } };
      return { ...d, [key]: defaults[key as Exclude<SettingKey, NumberSetting>] };
    });

  const save = async (): Promise<void> => {
    if (!parsed.success) {
      setResult({ refused: true });
      return;
    }
    setSaving(true);
    try {
      const stored = await involvementSettings.save(parsed.data, saved.stored.version);
      const made = diffSettings(saved.stored.settings, stored.settings);
      saved.replace(stored);
      setDraft(draftOf(stored.settings));
      setBase(draftOf(stored.settings));
      setResult({ saved: stored, refused: false });
      onSaved(made);
    } catch (error) {
      setResult({ error, refused: false });
    } finally {
      setSaving(false);
    }
  };

  return {
    draft,
    problems,
    changes,
    saving,
    saved: result.saved,
    error: result.error,
    refused: result.refused,
    setNumber: (key, value) => edit((d) => ({ ...d, numbers: { ...d.numbers, [key]: value } })),
    setHolidays: (periods) => edit((d) => ({ ...d, holidayPeriods: periods })),
    setRegion: (region) => edit((d) => ({ ...d, bankHolidayRegion: region })),
    setLadder: (ladder) => edit((d) => ({ ...d, ladderShown: ladder })),
    setOtherUsersCanRead: (value) => edit((d) => ({ ...d, otherUsersCanRead: value })),
    reset,
    undo: () => edit(() => draftOf(saved.stored.settings)),
    readLatest: async () => {
      try {
        const latest = await involvementSettings.read();
        saved.replace(latest);
        setDraft((d) => rebaseDraft(d, base, draftOf(latest.settings)));
        setBase(draftOf(latest.settings));
        setResult({ refused: false });
        onSaved([]);
      } catch (error) {
        setResult({ error, refused: false });
      }
    },
    save
  };
}
