import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { AsyncState } from './useAsync';
import { describeError } from './errors';

/** Props for {@link ErrorBar}. */
export type ErrorBarProps = {
  error: unknown;
  onRetry?: () => void;
  /** What is kept despite the failure ("Your changes are kept on this device."), said after the message. */
  kept?: string;
};

/** A failure said in plain English, what is kept, and "Try again" where it can help. */
export function ErrorBar({ error, onRetry, kept }: ErrorBarProps): JSX.Element {
  const message = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.body}
        {kept && ` ${kept}`}
        {message.detail && !message.body.includes(message.detail) && (
          <details>
            <summary>Details for support</summary>
            <code>{message.detail}</code>
          </details>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Props for {@link Loaded}. */
export type LoadedProps<T> = { state: AsyncState<T>; label: string; onRetry: () => void; children: (value: T) => React.ReactNode };

/** Shows a spinner while loading, an error with retry on failure, else the content. */
export function Loaded<T>({ state, label, onRetry, children }: LoadedProps<T>): JSX.Element {
  if (state.status === 'loading') return <Spinner label={label} />;
  if (state.status === 'failed') return <ErrorBar error={state.error} onRetry={onRetry} />;
  return <>{children(state.value)}</>;
}

/** A button of an {@link ActionBar}. */
export interface BarAction {
  label: string;
  onClick(): void;
  disabled?: boolean;
}

/** Props for {@link ActionBar}. */
export type ActionBarProps = { title?: string; actions: readonly BarAction[]; role?: 'alert'; children?: React.ReactNode };

/** A warning that asks the person to choose (confirm a removal, keep or discard kept work, resolve a conflict). */
export function ActionBar({ title, actions, role, children }: ActionBarProps): JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline" role={role}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      <MessageBarActions>
        {actions.map((a) => (
          <Button key={a.label} onClick={a.onClick} disabled={a.disabled}>
            {a.label}
          </Button>
        ))}
      </MessageBarActions>
    </MessageBar>
  );
}
