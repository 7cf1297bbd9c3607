import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Text,
  tokens,
  typographyStyles
} from '@fluentui/react-components';
import {
  ENGAGEMENT_METHODS,
  GRID_QUADRANT_INFO,
  GRID_QUADRANTS,
  quadrantInDirection,
  quadrantName,
  type GridQuadrant,
  type Stakeholder
} from '../../domain';

const useStyles = makeStyles({
  help: { maxWidth: '48rem' },
  axes: { display: 'grid', gridTemplateColumns: '2rem 1fr', gap: tokens.spacingHorizontalS, alignItems: 'stretch' },
  yAxis: { writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center', ...typographyStyles.body1Strong },
  xAxis: { gridColumnStart: 2, textAlign: 'center', ...typographyStyles.body1Strong },
  grid: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' }
  },
  box: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '10rem'
  },
  tray: { marginBottom: tokens.spacingVerticalS, minHeight: '4rem' },
  target: { outline: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  boxHeading: { ...typographyStyles.subtitle2, margin: 0 },
  chips: {
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0 0`,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    maxHeight: '16rem',
    overflowY: 'auto'
  },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1
  },
  chipName: { touchAction: 'none', minHeight: '32px', cursor: 'grab' },
  picked: { outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  ghost: {
    position: 'fixed',
    pointerEvents: 'none',
    zIndex: 1000,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    borderRadius: tokens.borderRadiusCircular
  },
  reason: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', marginTop: tokens.spacingVerticalM }
});

/** Where each box sits: top row high power, right column high interest (the usual layout). */
const LAYOUT: GridQuadrant[] = ['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed'];
const KEYS: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const methodNames = (q: GridQuadrant): string =>
  GRID_QUADRANT_INFO[q].methods.map((m) => ENGAGEMENT_METHODS.find((x) => x.id === m)?.name ?? m).join(', ');

interface ChipHandlers {
  click(s: Stakeholder): void;
  keyDown(s: Stakeholder, e: React.KeyboardEvent): void;
  pointerDown(s: Stakeholder, e: React.PointerEvent<HTMLButtonElement>): void;
  pointerMove(e: React.PointerEvent): void;
  pointerUp(s: Stakeholder, e: React.PointerEvent): void;
  pointerCancel(): void;
  blur(s: Stakeholder): void;
  place(s: Stakeholder, to: GridQuadrant | null): void;
  open(s: Stakeholder): void;
  ref(id: number, el: HTMLButtonElement | null): void;
}

/** One stakeholder on the grid: its name (pick up, drag) and its Move menu. */
const Chip = React.memo(function Chip({
  s,
  picked,
  tabbable,
  readOnly,
  handlers
}: {
  s: Stakeholder;
  picked: boolean;
  tabbable: boolean;
  readOnly: boolean;
  handlers: ChipHandlers;
}): JSX.Element {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.chip, picked && styles.picked)}>
      <Button
        appearance="transparent"
        size="small"
        className={styles.chipName}
        tabIndex={tabbable ? 0 : -1}
        ref={(el: HTMLButtonElement | null) => handlers.ref(s.id as number, el)}
        aria-pressed={readOnly ? undefined : picked}
        aria-describedby={readOnly ? undefined : 'stakeholder-grid-help'}
        onClick={() => handlers.click(s)}
        onKeyDown={(e) => handlers.keyDown(s, e)}
        onBlur={() => handlers.blur(s)}
        onPointerDown={(e) => handlers.pointerDown(s, e)}
        onPointerMove={handlers.pointerMove}
        onPointerUp={(e) => handlers.pointerUp(s, e)}
        onPointerCancel={handlers.pointerCancel}
      >
        {s.name}
      </Button>
      {!readOnly && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="transparent" size="small" tabIndex={tabbable ? 0 : -1} aria-label={`Move ${s.name} to…`}>
              Move
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {[...LAYOUT, null]
                .filter((q) => q !== s.quadrant)
                .map((q) => (
                  <MenuItem key={q ?? 'none'} onClick={() => handlers.place(s, q)}>
                    {q ? GRID_QUADRANT_INFO[q].name : 'Not placed yet'}
                  </MenuItem>
                ))}
              <MenuItem onClick={() => handlers.open(s)}>Details and history</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </li>
  );
});

/** Props for {@link StakeholderGrid}. */
export type StakeholderGridProps = {
  items: readonly Stakeholder[];
  readOnly: boolean;
  onMove(id: number, to: GridQuadrant | null): Promise<boolean>;
  onExplain(id: number, reason: string): Promise<boolean>;
  onOpen(id: number): void;
};

interface Picked {
  id: number;
  target: GridQuadrant | null;
}
interface Drag {
  id: number;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moving: boolean;
  over?: GridQuadrant | null;
}

/**
 * The power/interest grid. Stakeholders are placed and moved by dragging, by keyboard (Enter to
 * pick up, arrow keys to choose a box, Enter to place, Escape to cancel), by clicking a
 * stakeholder then a box (one pointer, no drag: WCAG 2.5.7), or from each one's "Move" menu.
 */
export function StakeholderGrid({ items, readOnly, onMove, onExplain, onOpen }: StakeholderGridProps): JSX.Element {
  const styles = useStyles();
  const [picked, setPicked] = React.useState<Picked>();
  const [drag, setDrag] = React.useState<Drag>();
  const [announcement, setAnnouncement] = React.useState('');
  const [lastMove, setLastMove] = React.useState<{ id: number; name: string; from: GridQuadrant | null; to: GridQuadrant | null }>();
  const [reason, setReason] = React.useState('');
  const [reasonSaved, setReasonSaved] = React.useState(false);
  const chipRefs = React.useRef(new Map<number, HTMLButtonElement>());
  const focusAfterMove = React.useRef<number>();
  const suppressClick = React.useRef(false);
  // One stakeholder per box is in the Tab order (roving focus); arrow keys go between the others.
  const [active, setActive] = React.useState<Partial<Record<GridQuadrant | 'none', number>>>({});

  React.useEffect(() => {
    const id = focusAfterMove.current;
    if (id !== undefined) {
      focusAfterMove.current = undefined;
      chipRefs.current.get(id)?.focus();
    }
  });

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

  const place = async (s: Stakeholder, to: GridQuadrant | null): Promise<void> => {
    setPicked(undefined);
    if (s.quadrant === to) {
      setAnnouncement(`${s.name} stays in ${quadrantName(to)}.`);
      return;
    }
    const from = s.quadrant;
    focusAfterMove.current = s.id;
    setActive((a) => ({ ...a, [to ?? 'none']: s.id as number }));
    setAnnouncement(`Moving ${s.name} to ${quadrantName(to)}…`);
    if (await onMove(s.id as number, to)) {
      setAnnouncement(`Moved ${s.name} from ${quadrantName(from)} to ${quadrantName(to)}.`);
      setLastMove({ id: s.id as number, name: s.name, from, to });
      setReason('');
      setReasonSaved(false);
    } else {
      setAnnouncement(`${s.name} was not moved.`);
    }
  };

  const onChipClick = (s: Stakeholder): void => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    if (readOnly) {
      onOpen(s.id as number);
      return;
    }
    if (picked && picked.id === s.id) {
      void place(s, picked.target);
      return;
    }
    setPicked({ id: s.id as number, target: s.quadrant });
    setAnnouncement(
      `Picked up ${s.name}, in ${quadrantName(s.quadrant)}. Use the arrow keys to choose a box, then press Enter to place it. Press Escape to cancel.`
    );
  };

  const onChipKeyDown = (s: Stakeholder, e: React.KeyboardEvent): void => {
    if (!picked || picked.id !== s.id) {
      // Not picked up: arrow keys, Home and End go between the stakeholders in this box.
      const list = byBox(s.quadrant);
      const i = list.findIndex((x) => x.id === s.id);
      const to =
        e.key === 'ArrowDown' || e.key === 'ArrowRight'
          ? list[i + 1]
          : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
            ? list[i - 1]
            : e.key === 'Home'
              ? list[0]
              : e.key === 'End'
                ? list[list.length - 1]
                : undefined;
      if (to) {
        e.preventDefault();
        setActive((a) => ({ ...a, [s.quadrant ?? 'none']: to.id as number }));
        chipRefs.current.get(to.id as number)?.focus();
      }
      return;
    }
    const direction = KEYS[e.key];
    if (direction) {
      e.preventDefault();
      const target = quadrantInDirection(picked.target, direction);
      setPicked({ id: s.id as number, target });
      setAnnouncement(`Over ${GRID_QUADRANT_INFO[target].name}. Press Enter to place ${s.name} here.`);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setPicked(undefined);
      setAnnouncement(`Cancelled. ${s.name} stays in ${quadrantName(s.quadrant)}.`);
    }
  };

  const boxAt = (x: number, y: number): GridQuadrant | null | undefined => {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-quadrant]');
    if (!el) return undefined;
    return el.dataset.quadrant === 'none' ? null : (el.dataset.quadrant as GridQuadrant);
  };
  const onPointerDown = (s: Stakeholder, e: React.PointerEvent<HTMLButtonElement>): void => {
    if (readOnly || e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({
      id: s.id as number,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      x: e.clientX,
      y: e.clientY,
      moving: false
    });
  };
  const onPointerMove = (e: React.PointerEvent): void => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const moving = drag.moving || Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) > 6;
    setDrag({ ...drag, x: e.clientX, y: e.clientY, moving, over: moving ? boxAt(e.clientX, e.clientY) : undefined });
  };
  const onPointerUp = (s: Stakeholder, e: React.PointerEvent): void => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    setDrag(undefined);
    if (!drag.moving) return;
    // Swallow the click that may follow this drop (only that one: it comes in the same task).
    suppressClick.current = true;
    setTimeout(() => {
      suppressClick.current = false;
    }, 0);
    const to = boxAt(e.clientX, e.clientY);
    if (to !== undefined) void place(s, to);
    else setAnnouncement(`${s.name} was not dropped on a box, so it did not move.`);
  };

  const activeTarget = drag?.moving ? drag.over : picked?.target;
  const pickedStakeholder = items.find((s) => s.id === picked?.id);
  const dragged = drag?.moving ? items.find((s) => s.id === drag.id) : undefined;

  // Chips are memoised and their handlers are stable, so a key press or a pointer move
  // re-renders only the chips that changed, even with hundreds on the grid.
  const latest = React.useRef<ChipHandlers>();
  latest.current = {
    click: onChipClick,
    keyDown: onChipKeyDown,
    pointerDown: onPointerDown,
    pointerMove: onPointerMove,
    pointerUp: onPointerUp,
    pointerCancel: () => setDrag(undefined),
    blur: (s) => {
      if (picked?.id === s.id && !drag) setPicked(undefined);
    },
    place: (s, q) => {
      void place(s, q);
    },
    open: (s) => onOpen(s.id as number),
    ref: (id, el) => {
      if (el) chipRefs.current.set(id, el);
      else chipRefs.current.delete(id);
    }
  };
  const handlers = React.useMemo<ChipHandlers>(
    () => ({
      click: (s) => latest.current?.click(s),
      keyDown: (s, e) => latest.current?.keyDown(s, e),
      pointerDown: (s, e) => latest.current?.pointerDown(s, e),
      pointerMove: (e) => latest.current?.pointerMove(e),
      pointerUp: (s, e) => latest.current?.pointerUp(s, e),
      pointerCancel: () => latest.current?.pointerCancel(),
      blur: (s) => latest.current?.blur(s),
      place: (s, q) => latest.current?.place(s, q),
      open: (s) => latest.current?.open(s),
      ref: (id, el) => latest.current?.ref(id, el)
    }),
    []
  );
  const chips = (list: Stakeholder[], q: GridQuadrant | null): JSX.Element[] => {
    const tabbableId = list.some((x) => x.id === active[q ?? 'none']) ? active[q ?? 'none'] : list[0]?.id;
    return list.map((s) => (
      <Chip key={s.id} s={s} picked={picked?.id === s.id} tabbable={s.id === tabbableId} readOnly={readOnly} handlers={handlers} />
    ));
  };

  const dropByClick =
    (q: GridQuadrant | null) =>
    (e: React.MouseEvent): void => {
      // A click on the box itself (not on a stakeholder in it) places the picked-up stakeholder there.
      if (pickedStakeholder && (e.target as HTMLElement).closest('li') === null) void place(pickedStakeholder, q);
    };

  const unplaced = byBox(null);
  return (
    <section aria-labelledby="stakeholder-grid-heading" id="field-stakeholders-grid">
      <h3 id="stakeholder-grid-heading" tabIndex={-1}>
        Power and interest grid
      </h3>
      {!readOnly && (
        <Text as="p" block className={styles.help} id="stakeholder-grid-help">
          Drag a stakeholder to a box. Or select it (press Enter), use the arrow keys to choose a box and press Enter again, or click a box.
          Every stakeholder also has a Move menu. Each move is recorded. With the keyboard, Tab goes from box to box and the arrow keys go
          between the stakeholders in a box.
        </Text>
      )}
      <div role="status" aria-live="polite" aria-atomic="true">
        <Text>{announcement}</Text>
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
      {lastMove && !readOnly && (
        <form
          className={styles.reason}
          onSubmit={(e) => {
            e.preventDefault();
            void onExplain(lastMove.id, reason).then((ok) => setReasonSaved(ok));
          }}
        >
          <Field
            label={`Why did ${lastMove.name} move from ${quadrantName(lastMove.from)} to ${quadrantName(lastMove.to)}? (optional)`}
            hint={reasonSaved ? 'Reason saved in the history.' : 'Saved in the stakeholder’s history.'}
          >
            <Input
              value={reason}
              onChange={(_e, d) => {
                setReason(d.value);
                setReasonSaved(false);
              }}
            />
          </Field>
          <Button type="submit" disabled={!reason.trim()}>
            Save reason
          </Button>
        </form>
      )}
      {dragged && drag && (
        <div className={styles.ghost} style={{ left: drag.x + 8, top: drag.y + 8 }} aria-hidden="true">
          {dragged.name}
        </div>
      )}
    </section>
  );
}
