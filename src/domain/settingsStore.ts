import type { SettingChange, InvolvementSettings } from './settings';
import type { PersonRef } from './status';
import type { FieldProblem } from './validation';

/** The organisation's settings as stored, with the version read (so a save never overwrites silently). */
export interface StoredSettings {
  readonly settings: InvolvementSettings;
  /** Opaque version (SharePoint ETag); absent when nothing is saved yet and the defaults apply. */
  readonly version?: string;
  /**
   * Stored values that could not be read, in plain English: each takes its default (see
   * `readStoredSettings`) until someone saves the settings again. Empty when all is well.
   */
  readonly problems: readonly FieldProblem[];
}

/** Settings just saved; `changeNotRecorded` says why the record of the change could not be written. */
export interface SavedSettings extends StoredSettings {
  /** The settings were saved but the record of the change was not (shown as "not recorded" in the history). */
  readonly changeNotRecorded?: string;
}

/**
 * One recorded change of the settings: who and when (as SharePoint recorded them, not as the
 * browser said), and each setting's old and new value in words.
 */
export interface SettingsChangeRecord {
  readonly at: string;
  /** Who saved the change; null when the change was saved but its record was not (see `unrecorded`). */
  readonly by: PersonRef | null;
  readonly changes: SettingChange[];
  /**
   * The change was found, not recorded: the settings were saved but writing the record of the
   * change failed (SharePoint's $batch is not a transaction). It is worked out from the settings
   * before and after; `at` is when the next record (or the settings) were saved.
   */
  readonly unrecorded?: boolean;
}

/**
 * Where the organisation's involvement settings live (the "Involvement settings" list in
 * production). Reading fills anything missing with its default (`readInvolvementSettings`);
 * saving validates first, sends the version read (a conflict never overwrites), and records the
 * change (`diffSettings`). Only site owners and the involvement team may save.
 */
export interface InvolvementSettingsStore {
  read(): Promise<StoredSettings>;
  /** Save at the version read; `conflict` if someone saved since (never a silent overwrite). */
  save(settings: InvolvementSettings, version: string | undefined): Promise<SavedSettings>;
  /** The changes, newest first. */
  history(): Promise<SettingsChangeRecord[]>;
}
