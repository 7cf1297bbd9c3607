import * as React from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, mergeClasses } from '@fluentui/react-components';
import { GRID_QUADRANT_INFO, type GridQuadrant, type Stakeholder } from '../../../domain';
import { useGridStyles } from './styles';

/** Where each box sits: top row high power, right column high interest (the usual layout). */
export const LAYOUT: GridQuadrant[] = ['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed'];

/** What a chip reports; the same object on every render (see `useStableHandlers`). */
export interface ChipHandlers {
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

/** Props for {@link Chip}. */
export type ChipProps = { s: Stakeholder; picked: boolean; tabbable: boolean; readOnly: boolean; handlers: ChipHandlers };

/** One stakeholder on the grid: its name (pick up, drag) and its Move menu. */
export const Chip = React.memo(function Chip({ s, picked, tabbable, readOnly, handlers }: ChipProps): JSX.Element {
  const styles = useGridStyles();
  return (
    <li className={mergeClasses(styles.chip, picked && styles.picked)}>
      <Button
        appearance="transparent"
        size="small"
        className={styles.chipName}
        tabIndex={tabbable ? 0 : -1}
        ref={(el: HTMLButtonElement | null) => handlers.ref(s.id, el)}
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
