import * as React from 'react';
import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Where the app runs and which theme the host asks for. */
export type HostTheme = 'sharepoint' | 'teamsLight' | 'teamsDark' | 'teamsContrast';

/** Map a Teams theme name ("default", "dark", "contrast") to ours. */
export function fromTeamsTheme(name: string | undefined): HostTheme {
  if (name === 'dark') return 'teamsDark';
  if (name === 'contrast') return 'teamsContrast';
  return 'teamsLight';
}

// SharePoint's theme is part of the first chunk; the three Teams themes (each a full set of
// tokens) are fetched only in a Teams tab, where the web part asks for them while Teams starts.
const loaded = new Map<HostTheme, Theme>([['sharepoint', webLightTheme]]);

/** The Fluent UI v9 theme for a host theme, once loaded (SharePoint's always is). */
export function loadedTheme(host: HostTheme): Theme | undefined {
  return loaded.get(host);
}

/**
 * Load a host's Fluent UI theme. If the Teams themes cannot be fetched (the network dropped),
 * the SharePoint theme is used rather than no page at all; the next theme change tries again.
 */
export async function loadTheme(host: HostTheme): Promise<Theme> {
  const known = loaded.get(host);
  if (known) return known;
  try {
    const teams = await import(/* webpackChunkName: "teams-themes" */ './teamsThemes');
    loaded.set('teamsLight', teams.teamsLightTheme);
    loaded.set('teamsDark', teams.teamsDarkTheme);
    loaded.set('teamsContrast', teams.teamsHighContrastTheme);
    return loaded.get(host) ?? webLightTheme;
  } catch {
    return webLightTheme;
  }
}

/** The theme to render with: the host's once loaded, the one shown before until then. */
export function useFluentTheme(host: HostTheme): Theme {
  const [theme, setTheme] = React.useState<Theme>(() => loadedTheme(host) ?? webLightTheme);
  React.useEffect(() => {
    let live = true;
    const known = loadedTheme(host);
    if (known) setTheme(known);
    else
      void loadTheme(host).then((t) => {
        if (live) setTheme(t);
      });
    return () => {
      live = false;
    };
  }, [host]);
  return theme;
}
