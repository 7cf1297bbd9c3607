import * as React from 'react';
import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens
} from '@fluentui/react-components';
import { coverageMatrix, type GroupCoverage, type MapEntry, type StakeholderMapNotes } from '../../domain';
import { TextField } from '../editor/fields';

const useStyles = makeStyles({
  gap: { backgroundColor: tokens.colorStatusWarningBackground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL }
});

const STATE_TEXT: Record<GroupCoverage['state'], string> = { reached: 'Reached', noMethod: 'No method planned', gap: 'Not reached' };
const MAX_NAMES = 4;
const names = (list: string[]): string =>
  list.length > MAX_NAMES ? `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more` : list.join(', ');

/** Props for {@link CoverageMatrix}. */
export type CoverageMatrixProps = { items: readonly MapEntry[]; notes: StakeholderMapNotes | undefined; editable: boolean };

/**
 * "Who we are not hearing from" (DOMAIN.md §8): each protected characteristic and inequality
 * group against the stakeholders and methods that reach it. Gaps are highlighted; each needs a
 * stakeholder who reaches the group or a note on what the lead will do, before the plan is ready.
 */
export function CoverageMatrix({ items, notes, editable }: CoverageMatrixProps): JSX.Element {
  const styles = useStyles();
  const rows = coverageMatrix(items, notes ?? { gapNotes: {} });
  const gaps = rows.filter((r) => r.state !== 'reached');
  return (
    <section aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">Who we are not hearing from</h3>
      <Text as="p" block>
        {gaps.length === 0
          ? 'Every group is reached by someone on the map with a planned method.'
          : `${gaps.length} of ${rows.length} groups are not reached yet. For each, add a stakeholder who reaches them (tick “Who they reach” in their details), or say what you will do.`}
      </Text>
      <Table aria-label="Who we are not hearing from" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Group</TableHeaderCell>
            <TableHeaderCell>Stakeholders who reach them</TableHeaderCell>
            <TableHeaderCell>Methods that reach them</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>What we will do about a gap</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.group} className={r.state === 'reached' ? undefined : styles.gap}>
              <TableCell>{r.name}</TableCell>
              <TableCell>{r.stakeholders.length ? names(r.stakeholders) : 'No one yet'}</TableCell>
              <TableCell>{r.methods.length ? r.methods.join(', ') : 'None'}</TableCell>
              <TableCell>
                <Badge appearance={r.state === 'reached' ? 'tint' : 'filled'} color={r.state === 'reached' ? 'success' : 'warning'}>
                  {STATE_TEXT[r.state]}
                </Badge>
              </TableCell>
              <TableCell>
                {r.state === 'reached' ? (
                  <Text>Not needed</Text>
                ) : editable ? (
                  <TextField path={`stakeholderMap.gapNotes.${r.group}`} label={`What we will do about ${r.name.toLowerCase()}`} />
                ) : (
                  <Text>{r.note || 'Nothing said yet'}</Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
