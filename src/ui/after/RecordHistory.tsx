import * as React from 'react';
import { Button, Text, Title3 } from '@fluentui/react-components';
import type { RecordChange } from '../../domain';
import { useServices } from '../shell/services';
import { ErrorBar } from '../common/components';
import { formatDateTime } from '../common/format';

/**
 * Every change to the plan's engagement record, newest first (issue 11: "every change is in the
 * history"): who saved it and when come from SharePoint's version history, never from the browser.
 * Read only when asked for, so opening a plan costs nothing more.
 */
export function RecordHistory({ recordId }: { recordId: number }): JSX.Element {
  const { records } = useServices();
  const [state, setState] = React.useState<{ loading: boolean; changes?: RecordChange[]; error?: unknown }>({ loading: false });
  const read = async (): Promise<void> => {
    setState({ loading: true });
    try {
      setState({ loading: false, changes: await records.changes(recordId) });
    } catch (error) {
      setState({ loading: false, error });
    }
  };
  const headingId = `record-history-${recordId}`;
  return (
    <section aria-labelledby={headingId}>
      <Title3 as="h3" id={headingId} block>
        Changes to this record
      </Title3>
      {!state.changes && (
        <Button disabled={state.loading} onClick={() => void read()}>
          {state.loading ? 'Reading the changes…' : 'Show every change to this record'}
        </Button>
      )}
      {state.error !== undefined && <ErrorBar error={state.error} onRetry={() => void read()} />}
      {state.changes && (
        <>
          <ol aria-label="Changes to the record, newest first">
            {state.changes.map((c) => (
              <li key={c.version}>
                <Text weight="semibold">
                  {formatDateTime(c.at)}, {c.by ? c.by.displayName : 'someone SharePoint did not name'}
                </Text>
                : {c.parts.length > 0 ? c.parts.join('; ') : 'saved with no change'}.
              </li>
            ))}
          </ol>
          {state.changes.length <= 1 && (
            <Text as="p" block size={200}>
              SharePoint keeps a version for each change once the site’s lists are set up with version history (a site owner’s “Set up
              lists” turns it on).
            </Text>
          )}
        </>
      )}
    </section>
  );
}
