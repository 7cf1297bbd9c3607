import * as React from 'react';
import {
  Button,
  FluentProvider,
  IdPrefixProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens
} from '@fluentui/react-components';
import { useFluentTheme, type HostTheme } from './theme';
import { ServicesProvider, type Services } from './services';
import { ListsGate, type FirstScreen } from './ListsGate';
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

/** Why the app cannot start: where its lists are is not known (see `resolveHomeSite`). */
export interface StartProblem {
  title: string;
  message: string;
  onRetry?(): void;
}

/** Props for {@link AppShell}: the ports to run with, or the problem that stops it starting. */
export type AppShellProps = {
  /** Prefix for generated ids, unique per web part instance on a page. */
  idPrefix: string;
  theme: HostTheme;
  /** Facts from the host, such as the Teams channel a tab was added to. */
  host?: HostInfo;
  /** What the web part shows first, read with the start-up reads ("My plans" for the planner). */
  firstScreen?: FirstScreen;
  children?: React.ReactNode;
} & ({ services: Services; problem?: undefined } | { services?: undefined; problem: StartProblem });

/** The root of every web part: theme, ids, ports, and the check that the lists exist. */
export function AppShell({ idPrefix, theme, services, problem, host, firstScreen, children }: AppShellProps): JSX.Element {
  const styles = useStyles();
  const fluentTheme = useFluentTheme(theme);
  return (
    <IdPrefixProvider value={idPrefix}>
      <FluentProvider theme={fluentTheme} lang="en-GB">
        <main className={styles.root}>
          {services ? (
            <ServicesProvider services={services}>
              <HostProvider host={host ?? {}}>
                <ListsGate firstScreen={firstScreen}>{children}</ListsGate>
              </HostProvider>
            </ServicesProvider>
          ) : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{problem.title}</MessageBarTitle>
                <Text as="p">{problem.message}</Text>
              </MessageBarBody>
              {problem.onRetry && (
                <MessageBarActions>
                  <Button onClick={problem.onRetry}>Try again</Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
        </main>
      </FluentProvider>
    </IdPrefixProvider>
  );
}
