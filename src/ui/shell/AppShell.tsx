import * as React from 'react';
import { FluentProvider, IdPrefixProvider, makeStyles, tokens } from '@fluentui/react-components';
import { fluentTheme, type HostTheme } from './theme';
import { ServicesProvider, type Services } from './services';
import { ListsGate } from './ListsGate';
import { HostProvider, type HostInfo } from './host';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '200px'
  }
});

/** Props for {@link AppShell}. */
export type AppShellProps = {
  /** Prefix for generated ids, unique per web part instance on a page. */
  idPrefix: string;
  theme: HostTheme;
  services: Services;
  /** Facts from the host, such as the Teams channel a tab was added to. */
  host?: HostInfo;
  children?: React.ReactNode;
};

/** The root of every web part: theme, ids, ports, and the check that the lists exist. */
export function AppShell({ idPrefix, theme, services, host, children }: AppShellProps): JSX.Element {
  const styles = useStyles();
  return (
    <IdPrefixProvider value={idPrefix}>
      <FluentProvider theme={fluentTheme(theme)} lang="en-GB">
        <ServicesProvider services={services}>
          <HostProvider host={host ?? {}}>
            <main className={styles.root}>
              <ListsGate>{children}</ListsGate>
            </main>
          </HostProvider>
        </ServicesProvider>
      </FluentProvider>
    </IdPrefixProvider>
  );
}
