import * as React from 'react';
import type { GridQuadrant, Stakeholder } from '../../../domain';

type Box = GridQuadrant | 'none';
const boxOf = (q: GridQuadrant | null): Box => q ?? 'none';

/** Roving focus on the grid: what {@link useRovingFocus} gives the grid. */
export interface RovingFocus {
  /** Register a chip's button (or forget it when it goes). */
  ref(id: number, el: HTMLButtonElement | null): void;
  /** Make a stakeholder the one in the Tab order of its box, and focus it after the next render. */
  focusAfterRender(id: number, box: GridQuadrant | null): void;
  /** The stakeholder of a box that is in the Tab order. */
  tabbableIn(list: readonly Stakeholder[], box: GridQuadrant | null): number | undefined;
  /** Arrow keys, Home and End between the stakeholders of one box; true when the key was used. */
  navigate(s: Stakeholder, list: readonly Stakeholder[], e: React.KeyboardEvent): boolean;
}

/**
 * One stakeholder per box is in the Tab order (roving focus); arrow keys, Home and End go
 * between the others, and focus follows a stakeholder to the box it was moved to.
 */
export function useRovingFocus(): RovingFocus {
  const chipRefs = React.useRef(new Map<number, HTMLButtonElement>());
  const focusAfter = React.useRef<number>();
  const [active, setActive] = React.useState<Partial<Record<Box, number>>>({});

  React.useEffect(() => {
    const id = focusAfter.current;
    if (id !== undefined) {
      focusAfter.current = undefined;
      chipRefs.current.get(id)?.focus();
    }
  });

  const ref = React.useCallback((id: number, el: HTMLButtonElement | null) => {
    if (el) chipRefs.current.set(id, el);
    else chipRefs.current.delete(id);
  }, []);

  return {
    ref,
    focusAfterRender: (id, box) => {
      focusAfter.current = id;
      setActive((a) => ({ ...a, [boxOf(box)]: id }));
    },
    tabbableIn: (list, box) => {
      const chosen = active[boxOf(box)];
      return list.some((x) => x.id === chosen) ? chosen : list[0]?.id;
    },
    navigate: (s, list, e) => {
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
      if (!to) return false;
      e.preventDefault();
      setActive((a) => ({ ...a, [boxOf(s.quadrant)]: to.id }));
      chipRefs.current.get(to.id)?.focus();
      return true;
    }
  };
}
