import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { InvolvementSettings, StoredSettings } from '../../domain';
import { useServices } from './services';

/** The organisation's saved involvement settings, and a way to replace them after a save. */
export interface SavedInvolvementSettings {
  readonly stored: StoredSettings;
  /** After the settings page saves, every screen uses the new settings at once (and other open tabs are told). */
  replace(stored: StoredSettings): void;
}

const SettingsContext = React.createContext<SavedInvolvementSettings | undefined>(undefined);

/** The channel that tells this browser's other open planner pages that the settings were saved. */
export const SETTINGS_CHANNEL = 'involvement-planner-settings';
/** A page coming back into view reads the settings again when it last read them longer ago than this. */
export const SETTINGS_REREAD_AFTER_MS = 60_000;

/** Props for {@link InvolvementSettingsProvider}. */
export type InvolvementSettingsProviderProps = { initial: StoredSettings; children?: React.ReactNode };

function openChannel(): BroadcastChannel | undefined {
  try {
    return typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(SETTINGS_CHANNEL);
  } catch {
    return undefined;
  }
}

/**
 * Makes the saved settings (read by the lists gate) available to every screen below it, and keeps
 * them current while the page stays open (issue 10): a save on this page applies at once; a save
 * in another tab of this browser is announced on a BroadcastChannel and read again from
 * SharePoint (the message carries no settings, so nothing is taken on trust); and a page coming
 * back into view reads them again if it last read them over a minute ago (a colleague's change).
 * When the advice changes under someone's eyes, a message says so.
 */
export function InvolvementSettingsProvider({ initial, children }: InvolvementSettingsProviderProps): JSX.Element {
  const { involvementSettings } = useServices();
  const [stored, setStored] = React.useState(initial);
  const [changed, setChanged] = React.useState(false);
  const version = React.useRef(initial.version);
  const lastRead = React.useRef(Date.now());
  const channel = React.useRef<BroadcastChannel | undefined>();

  const adopt = React.useCallback((next: StoredSettings, announce: boolean): void => {
    lastRead.current = Date.now();
    if (next.version === version.current) return;
    version.current = next.version;
    setStored(next);
    if (announce) setChanged(true);
  }, []);

  React.useEffect(() => {
    let live = true;
    const reread = (): void => {
      involvementSettings.read().then(
        (next) => {
          if (live) adopt(next, true);
        },
        () => {
          /* Not reachable now: the settings read at start keep applying, and the next look tries again. */
        }
      );
    };
    const ch = openChannel();
    channel.current = ch;
    if (ch) ch.onmessage = reread;
    const onVisible = (): void => {
      if (document.visibilityState === 'visible' && Date.now() - lastRead.current > SETTINGS_REREAD_AFTER_MS) reread();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
      ch?.close();
      channel.current = undefined;
    };
  }, [involvementSettings, adopt]);

  const value = React.useMemo<SavedInvolvementSettings>(
    () => ({
      stored,
      replace: (next) => {
        const changed = next.version !== version.current;
        adopt(next, false);
        if (changed) channel.current?.postMessage('saved');
      }
    }),
    [stored, adopt]
  );
  return (
    <SettingsContext.Provider value={value}>
      {changed && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>
            Your organisation’s involvement settings have changed since this page opened. The advice on this page now uses the new settings.
          </MessageBarBody>
        </MessageBar>
      )}
      {children}
    </SettingsContext.Provider>
  );
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
