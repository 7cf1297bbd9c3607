import * as React from 'react';
import { Spinner } from '@fluentui/react-components';
import { ErrorBar } from './components';

type Loader<P> = () => Promise<React.ComponentType<P>>;

class Boundary extends React.Component<{ onRetry(): void; children?: React.ReactNode }, { error?: unknown }> {
  public state: { error?: unknown } = {};
  public static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }
  public render(): React.ReactNode {
    if (this.state.error !== undefined) {
      return (
        <ErrorBar
          error={this.state.error}
          onRetry={() => {
            this.setState({ error: undefined });
            this.props.onRetry();
          }}
        />
      );
    }
    return this.props.children;
  }
}

/**
 * A part of the app loaded only when it is first shown, so the first screen stays small. If
 * the code cannot be fetched (no network), it says so with "Try again" instead of failing the
 * whole page.
 */
export function lazySection<P extends object>(load: Loader<P>, label: string): (props: P) => JSX.Element {
  // One lazy component, shared by every mount, so once loaded it shows at once; replaced only
  // after a failed load (React.lazy remembers a failure).
  const make = (): React.LazyExoticComponent<React.ComponentType<P>> => React.lazy(async () => ({ default: await load() }));
  let shared = make();
  return function LazySection(props: P): JSX.Element {
    const [, setAttempt] = React.useState(0);
    const Component = shared;
    return (
      <Boundary
        onRetry={() => {
          shared = make();
          setAttempt((n) => n + 1);
        }}
      >
        <React.Suspense fallback={<Spinner label={label} />}>
          {React.createElement(Component as unknown as React.ComponentType<P>, props)}
        </React.Suspense>
      </Boundary>
    );
  };
}
