import * as React from 'react';
import type { InvolvementSettings, StoredSettings } from '../../domain';

/** The organisation's saved involvement settings, and a way to replace them after a save. */
export interface SavedInvolvementSettings {
  readonly stored: StoredSettings;
  /** After the settings page saves, every screen uses the new settings at once. */
  replace(stored: StoredSettings): void;
}

const SettingsContext = React.createContext<SavedInvolvementSettings | undefined>(undefined);

/** Props for {@link InvolvementSettingsProvider}. */
export type InvolvementSettingsProviderProps = { initial: StoredSettings; children?: React.ReactNode };

/** Makes the saved settings (read by the lists gate) available to every screen below it. */
export function InvolvementSettingsProvider({ initial, children }: InvolvementSettingsProviderProps): JSX.Element {
  const [stored, setStored] = React.useState(initial);
  const value = React.useMemo<SavedInvolvementSettings>(() => ({ stored, replace: setStored }), [stored]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The saved settings with their version (only below the lists gate). */
export function useSavedInvolvementSettings(): SavedInvolvementSettings {
  const value = React.useContext(SettingsContext);
  if (!value) throw new Error('useSavedInvolvementSettings must be used below ListsGate');
  return value;
}

/**
 * The organisation's involvement settings, as saved on the dashboard's settings page: the lead
 * times, programme lengths, report deadline, holidays and ladder every piece of advice uses.
 */
export function useInvolvementSettings(): InvolvementSettings {
  return useSavedInvolvementSettings().stored.settings;
}
