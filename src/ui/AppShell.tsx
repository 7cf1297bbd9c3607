import * as React from 'react';
import { FluentProvider, IdPrefixProvider, makeStyles, tokens } from '@fluentui/react-components';
import { fluentTheme, type HostTheme } from './theme';
import { ServicesProvider, type Services } from './services';
import { ListsGate } from './ListsGate';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1, minHeight: '200px' }
});

/** Props for {@link AppShell}. */
export type AppShellProps = {
  /** Prefix for generated ids, unique per web part instance on a page. */
  idPrefix: string;
  theme: HostTheme;
  services: Services;
  children?: React.ReactNode;
};

/** The root of every web part: theme, ids, ports, and the check that the lists exist. */
export function AppShell({ idPrefix, theme, services, children }: AppShellProps): JSX.Element {
  const styles = useStyles();
  return (
    <IdPrefixProvider value={idPrefix}>
      <FluentProvider theme={fluentTheme(theme)} lang="en-GB">
        <ServicesProvider services={services}>
          <main className={styles.root}>
            <ListsGate>{children}</ListsGate>
          </main>
        </ServicesProvider>
      </FluentProvider>
    </IdPrefixProvider>
  );
}
