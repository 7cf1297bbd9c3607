// The Teams themes, in their own chunk: only a Teams tab loads them (see theme.ts).
export { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
