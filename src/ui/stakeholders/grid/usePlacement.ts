import * as React from 'react';
import { GRID_QUADRANT_INFO, quadrantInDirection, quadrantName, type GridQuadrant, type Stakeholder } from '../../../domain';

const KEYS: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** A stakeholder picked up (by keyboard or click) and the box it would be placed in. */
export interface Picked {
  id: number;
  target: GridQuadrant | null;
}

/** The last move made on this screen, which the lead may give a reason for. */
export interface LastMove {
  /** Counts moves, so the reason form starts empty for each new one. */
  seq: number;
  id: number;
  name: string;
  from: GridQuadrant | null;
  to: GridQuadrant | null;
}

/** Props for {@link usePlacement}. */
export type PlacementOptions = {
  onMove(id: number, to: GridQuadrant | null): Promise<boolean>;
  /** Before a move is saved: keep focus on the stakeholder in its new box. */
  onBeforeMove(s: Stakeholder, to: GridQuadrant | null): void;
};

/**
 * The pick-and-place state machine: pick a stakeholder up (Enter or a click), choose a box with
 * the arrow keys (or click one), place it with Enter (or a click) or cancel with Escape. Every
 * step is announced in a live region.
 */
export function usePlacement({ onMove, onBeforeMove }: PlacementOptions): {
  picked: Picked | undefined;
  announcement: string;
  announce(text: string): void;
  lastMove: LastMove | undefined;
  place(s: Stakeholder, to: GridQuadrant | null): Promise<void>;
  /** A click or Enter on a stakeholder: pick it up, or place it if it is already picked up. */
  pickOrPlace(s: Stakeholder): void;
  /** Keys while a stakeholder is picked up; true when the key was used. */
  keyDown(s: Stakeholder, e: React.KeyboardEvent): boolean;
  isPicked(s: Stakeholder): boolean;
  /** Focus left a picked-up stakeholder (not during a drag): put it down. */
  drop(s: Stakeholder): void;
} {
  const [picked, setPicked] = React.useState<Picked>();
  const [announcement, announce] = React.useState('');
  const [lastMove, setLastMove] = React.useState<LastMove>();

  const place = async (s: Stakeholder, to: GridQuadrant | null): Promise<void> => {
    setPicked(undefined);
    if (s.quadrant === to) {
      announce(`${s.name} stays in ${quadrantName(to)}.`);
      return;
    }
    const from = s.quadrant;
    onBeforeMove(s, to);
    announce(`Moving ${s.name} to ${quadrantName(to)}…`);
    if (await onMove(s.id, to)) {
      announce(`Moved ${s.name} from ${quadrantName(from)} to ${quadrantName(to)}.`);
      setLastMove((last) => ({ seq: (last?.seq ?? 0) + 1, id: s.id, name: s.name, from, to }));
    } else {
      announce(`${s.name} was not moved.`);
    }
  };

  return {
    picked,
    announcement,
    announce,
    lastMove,
    place,
    pickOrPlace: (s) => {
      if (picked && picked.id === s.id) {
        void place(s, picked.target);
        return;
      }
      setPicked({ id: s.id, target: s.quadrant });
      announce(
        `Picked up ${s.name}, in ${quadrantName(s.quadrant)}. Use the arrow keys to choose a box, then press Enter to place it. Press Escape to cancel.`
      );
    },
    keyDown: (s, e) => {
      if (!picked || picked.id !== s.id) return false;
      const direction = KEYS[e.key];
      if (direction) {
        e.preventDefault();
        const target = quadrantInDirection(picked.target, direction);
        setPicked({ id: s.id, target });
        announce(`Over ${GRID_QUADRANT_INFO[target].name}. Press Enter to place ${s.name} here.`);
        return true;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setPicked(undefined);
        announce(`Cancelled. ${s.name} stays in ${quadrantName(s.quadrant)}.`);
        return true;
      }
      return false;
    },
    isPicked: (s) => picked?.id === s.id,
    drop: (s) => {
      if (picked?.id === s.id) setPicked(undefined);
    }
  };
}
