import * as React from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../common/format';
import { KeptWorkBar } from '../common/keptWork';
import { ActionBar, ErrorBar } from '../common/components';
import { fieldsOf, moveStakeholder, quadrantName, STAKEHOLDER_FIELD_NAMES, type GridQuadrant, type Stakeholder } from '../../domain';
import { useCurrentUser } from '../shell/session';
import { useEditor } from '../editor/EditorContext';
import type { StakeholderMap } from './useStakeholderMap';
import { AddStakeholders } from './AddStakeholders';
import { StakeholderGrid } from './StakeholderGrid';
import { StakeholderRegister } from './StakeholderRegister';
import { StakeholderForm } from './StakeholderForm';
import { CoverageMatrix } from './CoverageMatrix';

const useStyles = makeStyles({
  details: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalM
  }
});

/** Props for {@link StakeholderMapSection}. */
export type StakeholderMapSectionProps = { map: StakeholderMap; planId: number };

/** The "Stakeholder map" step of the guide: add, place and move stakeholders, say how we engage each, and see who we are not hearing from. */
export function StakeholderMapSection({ map, planId }: StakeholderMapSectionProps): JSX.Element {
  const { content, readOnly } = useEditor();
  const user = useCurrentUser();
  const [openId, setOpenId] = React.useState<number>();
  const detailsRef = React.useRef<HTMLDivElement>(null);
  const audiences = content.communications.audiences.map((a) => a.audience.trim()).filter(Boolean);
  const open = (id: number): void => {
    setOpenId(id);
    setTimeout(() => detailsRef.current?.querySelector<HTMLElement>('input, button')?.focus(), 0);
  };

  if (map.status === 'loading') return <Spinner label={`Loading the stakeholder map… ${map.loaded ? `${map.loaded} loaded` : ''}`} />;
  if (map.status === 'failed') return <ErrorBar error={map.loadError} onRetry={map.reload} />;
  const opened = map.items.find((s) => s.id === openId);
  return (
    <>
      <Text as="p" block>
        List everyone the change affects or who can influence it, place them on the grid and say how you will engage each. Start early and
        revise the map as the project develops: every move is recorded.
      </Text>
      <MapAlerts map={map} />
      {!readOnly && (
        <AddStakeholders
          items={map.items}
          audiences={audiences}
          planTitle={content.project.title}
          busy={map.busy}
          onAdd={map.add}
          draftKey={`stakeholder-draft:${user.id}:plan-${planId}:new`}
        />
      )}
      <StakeholderGrid items={map.items} readOnly={readOnly} onMove={map.move} onExplain={map.explainLastMove} onOpen={open} />
      {opened && (
        <StakeholderDetails
          key={`${opened.id}-${opened.version}`}
          ref={detailsRef}
          stakeholder={opened}
          audiences={audiences}
          readOnly={readOnly}
          map={map}
          onClose={() => setOpenId(undefined)}
        />
      )}
      <StakeholderRegister items={map.items} onOpen={open} />
      <CoverageMatrix items={map.items} notes={content.stakeholderMap} editable={!readOnly} />
    </>
  );
}

/** A stakeholder's field value as the person would read it. */
function shown(path: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (path === 'quadrant') return quadrantName(value as GridQuadrant);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return String(value);
}

/** The first few of a list, then "…". */
const listSome = (names: string[]): string => `${names.slice(0, 5).join('; ')}${names.length > 5 ? '…' : ''}`;

function MapAlerts({ map }: { map: StakeholderMap }): JSX.Element {
  return (
    <>
      {map.conflict && (
        <ActionBar
          role="alert"
          title={`Someone else changed ${map.conflict.theirs.name}`}
          actions={[
            { label: 'Keep mine', onClick: () => map.resolveConflict('mine') },
            { label: 'Use theirs', onClick: () => map.resolveConflict('theirs') }
          ]}
        >
          {map.conflict.what} was not saved yet, because someone else changed the same{' '}
          {map.conflict.clashes.length === 1 ? 'field' : 'fields'} first:
          <ul aria-label="Fields you both changed">
            {map.conflict.clashes.map((c) => (
              <li key={c.path}>
                <strong>{STAKEHOLDER_FIELD_NAMES[c.path] ?? c.path}</strong>: yours “{shown(c.path, c.mine)}”, theirs “
                {shown(c.path, c.theirs)}”
              </li>
            ))}
          </ul>
          Their changes to other fields and every recorded move are kept either way. Keep mine uses your value for{' '}
          {map.conflict.clashes.length === 1 ? 'this field' : 'these fields'}; Use theirs keeps theirs.
        </ActionBar>
      )}
      {map.keptFailed && (map.pendingAdds.length > 0 || map.pendingMoves.length > 0) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Not kept on this device</MessageBarTitle>
            This browser could not keep the changes that are not saved yet (its storage may be full or blocked). Keep this page open and
            save them now, or they will be lost when it closes.
          </MessageBarBody>
        </MessageBar>
      )}
      {map.failure && (
        <>
          <Text weight="semibold">{map.failure.what} did not work.</Text>
          <ErrorBar
            error={map.failure.error}
            onRetry={map.failure.retry}
            kept={
              map.keptFailed
                ? undefined
                : map.pendingAdds.length > 0 || map.pendingMoves.length > 0
                  ? 'What did not save is kept on this device; trying again adds nothing twice.'
                  : undefined
            }
          />
        </>
      )}
      {!map.failure && !map.busy && map.pendingMoves.length > 0 && (
        <KeptWorkBar
          title={`${map.pendingMoves.length} ${map.pendingMoves.length === 1 ? 'move was' : 'moves were'} not saved yet`}
          restoreLabel="Save the moves now"
          onRestore={() => {
            void map.retryPendingMoves();
          }}
          disabled={map.busy}
          onDiscard={map.discardPendingMoves}
        >
          They were kept in this browser: {listSome(map.pendingMoves.map((m) => `${m.name} to ${quadrantName(m.to)}`))}. A stakeholder
          someone has moved since is left where they put it.
        </KeptWorkBar>
      )}
      {!map.failure && !map.busy && map.pendingAdds.length > 0 && (
        <KeptWorkBar
          title={`${map.pendingAdds.length} ${map.pendingAdds.length === 1 ? 'stakeholder was' : 'stakeholders were'} not added yet`}
          restoreLabel="Add them now"
          onRestore={map.retryPendingAdds}
          disabled={map.busy}
          onDiscard={map.discardPendingAdds}
        >
          They were kept in this browser: {listSome(map.pendingAdds.map((p) => p.fields.name))}. Adding them again adds only those not added
          already, so none is added twice.
        </KeptWorkBar>
      )}
    </>
  );
}

type DetailsProps = { stakeholder: Stakeholder; audiences: string[]; readOnly: boolean; map: StakeholderMap; onClose(): void };

/** One stakeholder's details, how we engage them, and their history on the grid. */
const StakeholderDetails = React.forwardRef<HTMLDivElement, DetailsProps>(function StakeholderDetails(
  { stakeholder: s, audiences, readOnly, map, onClose },
  ref
) {
  const styles = useStyles();
  const [confirmRemove, setConfirmRemove] = React.useState(false);
  const user = useCurrentUser();
  const history = s.history;
  return (
    <div className={styles.details} ref={ref} role="region" aria-label={`${s.name}: details`}>
      <StakeholderForm
        title={`${s.name}: details`}
        idPrefix={`stakeholder-${s.id}`}
        draftKey={`stakeholder-draft:${user.id}:${s.id}`}
        initial={fieldsOf(s)}
        audiences={audiences}
        readOnly={readOnly}
        saveLabel="Save changes"
        onSave={async (f) => {
          // A change of box here is a move like any other, and goes in the history.
          return map.save(moveStakeholder({ ...s, ...f, quadrant: s.quadrant }, f.quadrant, user.displayName, new Date().toISOString()));
        }}
        onCancel={onClose}
      >
        <section aria-label={`History of ${s.name} on the grid`}>
          <h4>History on the grid</h4>
          {history.length === 0 ? (
            <Text>Not moved yet.</Text>
          ) : (
            <ol>
              {history.map((h, i) => (
                <li key={`${h.at}-${i}`}>
                  {formatDateTime(h.at)}
                  {h.by ? `, ${h.by}` : ''}: {quadrantName(h.from)} → {quadrantName(h.to)}
                  {h.reason ? `. Why: ${h.reason}` : ''}
                </li>
              ))}
            </ol>
          )}
        </section>
        {!readOnly &&
          (confirmRemove ? (
            <ActionBar
              actions={[
                {
                  label: 'Yes, remove',
                  onClick: () => {
                    void map.remove(s).then((ok) => {
                      if (ok) onClose();
                    });
                  }
                },
                { label: 'No, keep', onClick: () => setConfirmRemove(false) }
              ]}
            >
              Take {s.name} off this plan’s map? Their history goes too.
            </ActionBar>
          ) : (
            <Button onClick={() => setConfirmRemove(true)}>Remove from the map</Button>
          ))}
      </StakeholderForm>
    </div>
  );
});
