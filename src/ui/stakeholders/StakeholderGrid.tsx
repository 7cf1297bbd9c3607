import * as React from 'react';
import { mergeClasses, Text } from '@fluentui/react-components';
import {
  ENGAGEMENT_METHODS,
  GRID_ATTRIBUTION,
  GRID_QUADRANT_INFO,
  GRID_QUADRANTS,
  type GridQuadrant,
  type Stakeholder
} from '../../domain';
import { useStableHandlers } from '../common/useStableHandlers';
import { GuidancePanel } from '../common/Guidance';
import { Chip, LAYOUT, type ChipHandlers } from './grid/Chip';
import { MoveReasonForm } from './grid/MoveReasonForm';
import { useGridStyles } from './grid/styles';
import { usePlacement } from './grid/usePlacement';
import { usePointerDrag } from './grid/usePointerDrag';
import { useRovingFocus } from './grid/useRovingFocus';

const methodNames = (q: GridQuadrant): string =>
  GRID_QUADRANT_INFO[q].methods.map((m) => ENGAGEMENT_METHODS.find((x) => x.id === m)?.name ?? m).join(', ');

/** Props for {@link StakeholderGrid}. */
export type StakeholderGridProps = {
  items: readonly Stakeholder[];
  readOnly: boolean;
  onMove(id: number, to: GridQuadrant | null): Promise<boolean>;
  onExplain(id: number, reason: string): Promise<boolean>;
  onOpen(id: number): void;
};

/**
 * The power/interest grid. Stakeholders are placed and moved by dragging, by keyboard (Enter to
 * pick up, arrow keys to choose a box, Enter to place, Escape to cancel), by clicking a
 * stakeholder then a box (one pointer, no drag: WCAG 2.5.7), or from each one's "Move" menu.
 */
export function StakeholderGrid({ items, readOnly, onMove, onExplain, onOpen }: StakeholderGridProps): JSX.Element {
  const styles = useGridStyles();
  const roving = useRovingFocus();
  const placement = usePlacement({ onMove, onBeforeMove: (s, to) => roving.focusAfterRender(s.id, to) });
  const pointer = usePointerDrag({
    readOnly,
    onDrop: (s, to) => {
      void placement.place(s, to);
    },
    onMiss: (s) => placement.announce(`${s.name} was not dropped on a box, so it did not move.`)
  });
  const { drag } = pointer;

  // Grouped and sorted once per change of the map, not on every render (a drag renders on each pointer move).
  const boxes = React.useMemo(() => {
    const grouped = new Map<GridQuadrant | null, Stakeholder[]>([
      [null, []],
      ...GRID_QUADRANTS.map((q) => [q, []] as [GridQuadrant, Stakeholder[]])
    ]);
    for (const s of items) grouped.get(s.quadrant)?.push(s);
    for (const list of grouped.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return grouped;
  }, [items]);
  const byBox = (q: GridQuadrant | null): Stakeholder[] => boxes.get(q) ?? [];

  // Chips are memoised and their handlers are stable, so a key press or a pointer move
  // re-renders only the chips that changed, even with hundreds on the grid.
  const handlers = useStableHandlers<ChipHandlers>({
    click: (s) => {
      if (pointer.consumeClick()) return;
      if (readOnly) onOpen(s.id);
      else placement.pickOrPlace(s);
    },
    keyDown: (s, e) => {
      if (placement.isPicked(s)) placement.keyDown(s, e);
      else roving.navigate(s, byBox(s.quadrant), e);
    },
    pointerDown: pointer.pointerDown,
    pointerMove: pointer.pointerMove,
    pointerUp: pointer.pointerUp,
    pointerCancel: pointer.pointerCancel,
    blur: (s) => {
      if (!drag) placement.drop(s);
    },
    place: (s, q) => {
      void placement.place(s, q);
    },
    open: (s) => onOpen(s.id),
    ref: roving.ref
  });

  const activeTarget = drag?.moving ? drag.over : placement.picked?.target;
  const pickedStakeholder = items.find((s) => s.id === placement.picked?.id);
  const dragged = drag?.moving ? items.find((s) => s.id === drag.id) : undefined;
  const chips = (list: Stakeholder[], q: GridQuadrant | null): JSX.Element[] => {
    const tabbableId = roving.tabbableIn(list, q);
    return list.map((s) => (
      <Chip key={s.id} s={s} picked={placement.isPicked(s)} tabbable={s.id === tabbableId} readOnly={readOnly} handlers={handlers} />
    ));
  };
  const dropByClick =
    (q: GridQuadrant | null) =>
    (e: React.MouseEvent): void => {
      // A click on the box itself (not on a stakeholder in it) places the picked-up stakeholder there.
      if (pickedStakeholder && (e.target as HTMLElement).closest('li') === null) void placement.place(pickedStakeholder, q);
    };

  const unplaced = byBox(null);
  return (
    <section aria-labelledby="stakeholder-grid-heading" id="field-stakeholders-grid">
      <h3 id="stakeholder-grid-heading" tabIndex={-1}>
        Power and interest grid
      </h3>
      <GuidancePanel title="Where this grid comes from" citations={[GRID_ATTRIBUTION.citation]}>
        <Text as="p" block>
          {GRID_ATTRIBUTION.text}
        </Text>
      </GuidancePanel>
      {!readOnly && (
        <Text as="p" block className={styles.help} id="stakeholder-grid-help">
          Drag a stakeholder to a box. Or select it (press Enter), use the arrow keys to choose a box and press Enter again, or click a box.
          Every stakeholder also has a Move menu. Each move is recorded. With the keyboard, Tab goes from box to box and the arrow keys go
          between the stakeholders in a box.
        </Text>
      )}
      <div role="status" aria-live="polite" aria-atomic="true">
        <Text>{placement.announcement}</Text>
      </div>
      <div
        data-quadrant="none"
        className={mergeClasses(styles.box, styles.tray, activeTarget === null && styles.target)}
        role="group"
        aria-label={`Not placed yet: ${unplaced.length}`}
        onClick={dropByClick(null)}
      >
        <h4 className={styles.boxHeading}>Not placed yet ({unplaced.length})</h4>
        {unplaced.length > 0 ? <ul className={styles.chips}>{chips(unplaced, null)}</ul> : <Text size={200}>Everyone is on the grid.</Text>}
      </div>
      <div className={styles.axes}>
        <div className={styles.yAxis} aria-hidden="true">
          Power and influence →
        </div>
        <div className={styles.grid}>
          {LAYOUT.map((q) => {
            const info = GRID_QUADRANT_INFO[q];
            const inBox = byBox(q);
            return (
              <div
                key={q}
                data-quadrant={q}
                role="group"
                aria-label={`${info.name}: ${info.power} power, ${info.interest} interest, ${inBox.length} stakeholders`}
                className={mergeClasses(styles.box, activeTarget === q && styles.target)}
                onClick={dropByClick(q)}
              >
                <h4 className={styles.boxHeading}>
                  {info.name} ({inBox.length})
                </h4>
                <Text size={200} block>
                  {info.approach}
                </Text>
                <Text size={200} block>
                  Suggested methods: {methodNames(q)}.
                </Text>
                <ul className={styles.chips}>{chips(inBox, q)}</ul>
              </div>
            );
          })}
        </div>
        <div className={styles.xAxis} aria-hidden="true">
          Interest →
        </div>
      </div>
      {placement.lastMove && !readOnly && <MoveReasonForm key={placement.lastMove.seq} move={placement.lastMove} onExplain={onExplain} />}
      {dragged && drag && (
        <div className={styles.ghost} style={{ left: drag.x + 8, top: drag.y + 8 }} aria-hidden="true">
          {dragged.name}
        </div>
      )}
    </section>
  );
}
