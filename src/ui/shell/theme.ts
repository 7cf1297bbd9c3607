import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Where the app runs and which theme the host asks for. */
export type HostTheme = 'sharepoint' | 'teamsLight' | 'teamsDark' | 'teamsContrast';

/** Map a Teams theme name ("default", "dark", "contrast") to ours. */
export function fromTeamsTheme(name: string | undefined): HostTheme {
  if (name === 'dark') return 'teamsDark';
  if (name === 'contrast') return 'teamsContrast';
  return 'teamsLight';
}

/** The Fluent UI v9 theme for a host theme. */
export function fluentTheme(host: HostTheme): Theme {
  switch (host) {
    case 'teamsDark':
      return teamsDarkTheme;
    case 'teamsContrast':
      return teamsHighContrastTheme;
    case 'teamsLight':
      return teamsLightTheme;
    default:
      return webLightTheme;
  }
}
