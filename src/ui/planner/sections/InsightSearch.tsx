import * as React from 'react';
import { Badge, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import {
  citedLine,
  INSIGHT_KIND_LABELS,
  INSIGHT_YEARS,
  searchWords,
  withCitedLine,
  type InsightResult,
  type InsightSearch as Found
} from '../../../domain';
import { useServices } from '../../shell/services';
import { useField } from '../../editor/EditorContext';
import { ErrorBar } from '../../common/components';

/** The longest "What we already know" the plan keeps (the plan's text limit). */
const EXISTING_INSIGHT_MAX = 4000;

const useStyles = makeStyles({
  panel: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL
  },
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '14rem' },
  list: { listStyleType: 'none', paddingLeft: 0, margin: 0 },
  item: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    display: 'grid',
    gap: tokens.spacingVerticalXS
  }
});

type State =
  | { kind: 'idle' }
  | { kind: 'searching'; words: string; searched: number }
  | { kind: 'failed'; words: string; error: unknown }
  | { kind: 'found'; words: string; found: Found };

const year = (r: InsightResult): string => (/^\d{4}/.test(r.periodEnd) ? r.periodEnd.slice(0, 4) : 'date not recorded');

/**
 * "Search what the organisation already heard" under "What we already know" (issue 11 §4): the
 * lessons learned, findings, themes and "you said, we did" of plans in reporting or closed, each
 * with its plan and year; "Add to What we already know" puts a cited line at the end of the field
 * ("From <plan> (<year>): …"), never replacing what the lead wrote. Loaded on its own, when the
 * About section opens, so the planner's first screens stay small.
 */
export function InsightSearch({ planId }: { planId: number }): JSX.Element {
  const styles = useStyles();
  const { insight } = useServices();
  const field = useField<string>('project.existingInsight');
  const [query, setQuery] = React.useState('');
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const [said, setSaid] = React.useState('');
  const [added, setAdded] = React.useState<ReadonlySet<string>>(new Set());
  const run = React.useRef(0);

  const search = async (words: string): Promise<void> => {
    const mine = ++run.current;
    setSaid('');
    if (searchWords(words).length === 0) {
      setState({ kind: 'idle' });
      setSaid('Type a word or two to search for, such as a service, a place or a group of people.');
      return;
    }
    setState({ kind: 'searching', words, searched: 0 });
    try {
      const found = await insight.search(words, {
        excludePlanId: planId,
        onProgress: (searched) => {
          if (run.current === mine) setState({ kind: 'searching', words, searched });
        }
      });
      if (run.current === mine) setState({ kind: 'found', words, found });
    } catch (error) {
      if (run.current === mine) setState({ kind: 'failed', words, error });
    }
  };

  const add = (r: InsightResult): void => {
    const line = citedLine(r);
    const next = withCitedLine(field.value ?? '', line);
    if (next.length > EXISTING_INSIGHT_MAX) {
      setSaid(
        `“What we already know” would be over its ${EXISTING_INSIGHT_MAX.toLocaleString('en-GB')} characters with this line. Shorten it first, then add the line.`
      );
      return;
    }
    if (next !== field.value) field.set(next);
    setAdded((was) => new Set(was).add(line));
    setSaid(`Added to “What we already know”: ${line}`);
  };

  const found = state.kind === 'found' ? state.found : undefined;
  const plans = found ? new Set(found.results.map((r) => r.planId)).size : 0;
  return (
    <section aria-labelledby="insight-search-heading" className={styles.panel}>
      <Text as="h3" id="insight-search-heading" weight="semibold" size={400} block>
        Search what the organisation already heard
      </Text>
      <Text as="p" block>
        Lessons learned, findings, themes and “you said, we did” from plans in reporting or closed whose engagement ended in the last{' '}
        {INSIGHT_YEARS} years. Add what helps to “What we already know”, with the plan it came from.
      </Text>
      <form
        role="search"
        aria-label="Search what the organisation already heard"
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void search(query);
        }}
      >
        <Field label="Words to search for" hint="For example: wheelchair repairs, or carers evening" className={styles.grow}>
          <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <Button type="submit" disabled={state.kind === 'searching'}>
          Search
        </Button>
      </form>
      <div aria-live="polite">
        {state.kind === 'searching' && (
          <Spinner
            size="tiny"
            label={state.searched > 0 ? `Searching… ${state.searched.toLocaleString('en-GB')} records looked through so far` : 'Searching…'}
          />
        )}
        {found && (
          <Text as="p" block>
            {found.results.length === 0
              ? `Nothing found for “${state.kind === 'found' ? state.words : ''}”. Try fewer words, or other words for the same thing.`
              : `Found ${found.results.length} ${found.results.length === 1 ? 'thing' : 'things'} from ${plans} ${plans === 1 ? 'plan' : 'plans'}${found.more ? ' (the most recent; add a word to narrow it down)' : ''}.`}
            {found.limited && ` Only the ${found.searched.toLocaleString('en-GB')} most recent records were searched.`}
          </Text>
        )}
        {said && (
          <Text as="p" block>
            {said}
          </Text>
        )}
      </div>
      {state.kind === 'failed' && <ErrorBar error={state.error} onRetry={() => void search(state.words)} kept="Your words are kept." />}
      {found && found.results.length > 0 && (
        <ul aria-label="What we found" className={styles.list}>
          {found.results.map((r, i) => {
            const id = `insight-result-${i}`;
            const line = citedLine(r);
            return (
              <li key={`${r.planId}-${r.kind}-${i}`} className={styles.item}>
                <Text weight="semibold" id={`${id}-from`}>
                  {r.planTitle} ({year(r)}){' '}
                  <Badge appearance="tint" color="informative">
                    {INSIGHT_KIND_LABELS[r.kind]}
                  </Badge>
                </Text>
                <Text id={`${id}-text`}>{r.text}</Text>
                {!field.readOnly && (
                  <div>
                    <Button size="small" aria-describedby={`${id}-from ${id}-text`} onClick={() => add(r)}>
                      Add to “What we already know”
                    </Button>
                    {added.has(line) && <Text size={200}> Added</Text>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {found?.results.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            Only plans the involvement team moved to reporting or closed are searched, and only what their lead or the team recorded.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
