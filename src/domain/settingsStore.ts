import type { SettingChange, InvolvementSettings } from './settings';
import type { PersonRef } from './status';

/** The organisation's settings as stored, with the version read (so a save never overwrites silently). */
export interface StoredSettings {
  readonly settings: InvolvementSettings;
  /** Opaque version (SharePoint ETag); absent when nothing is saved yet and the defaults apply. */
  readonly version?: string;
}

/** One recorded change of the settings: who, when, and each setting's old and new value in words. */
export interface SettingsChangeRecord {
  readonly at: string;
  readonly by: PersonRef;
  readonly changes: SettingChange[];
}

/**
 * Where the organisation's involvement settings live (the "Involvement settings" list in
 * production). Reading fills anything missing with its default (`readInvolvementSettings`);
 * saving validates first, sends the version read (a conflict never overwrites), and records the
 * change (`diffSettings`). Only site owners and the involvement team may save.
 */
export interface InvolvementSettingsStore {
  read(): Promise<StoredSettings>;
  save(settings: InvolvementSettings, version: string | undefined): Promise<StoredSettings>;
  history(): Promise<SettingsChangeRecord[]>;
}
