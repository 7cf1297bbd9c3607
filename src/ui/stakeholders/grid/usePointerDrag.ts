import * as React from 'react';
import type { GridQuadrant, Stakeholder } from '../../../domain';

/** A drag in progress: where it started, where the pointer is, and the box under it. */
export interface Drag {
  id: number;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moving: boolean;
  over?: GridQuadrant | null;
}

/** Props for {@link usePointerDrag}. */
export type PointerDragOptions = {
  readOnly: boolean;
  /** A stakeholder was dropped on a box (`null`: the "not placed yet" tray). */
  onDrop(s: Stakeholder, to: GridQuadrant | null): void;
  /** A stakeholder was dropped outside every box. */
  onMiss(s: Stakeholder): void;
};

/** The box (element with `data-quadrant`) under a point, if any. */
function boxAt(x: number, y: number): GridQuadrant | null | undefined {
  const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-quadrant]');
  if (!el) return undefined;
  return el.dataset.quadrant === 'none' ? null : (el.dataset.quadrant as GridQuadrant);
}

/**
 * Drag and drop with pointer events (mouse, pen and touch alike). A press that moves less than
 * 6 px is a click, not a drag; the click a browser may send after a drop is swallowed.
 */
export function usePointerDrag({ readOnly, onDrop, onMiss }: PointerDragOptions): {
  drag: Drag | undefined;
  pointerDown(s: Stakeholder, e: React.PointerEvent<HTMLButtonElement>): void;
  pointerMove(e: React.PointerEvent): void;
  pointerUp(s: Stakeholder, e: React.PointerEvent): void;
  pointerCancel(): void;
  /** True (once) when a click is only the echo of a drop and must be ignored. */
  consumeClick(): boolean;
} {
  const [drag, setDrag] = React.useState<Drag>();
  const suppressClick = React.useRef(false);
  return {
    drag,
    pointerDown: (s, e) => {
      if (readOnly || e.button !== 0) return;
      e.currentTarget.setPointerCapture?.(e.pointerId);
      setDrag({
        id: s.id,
        pointerId: e.pointerId,
        startX: e.clientX,
        startY: e.clientY,
        x: e.clientX,
        y: e.clientY,
        moving: false
      });
    },
    pointerMove: (e) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      const moving = drag.moving || Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) > 6;
      setDrag({ ...drag, x: e.clientX, y: e.clientY, moving, over: moving ? boxAt(e.clientX, e.clientY) : undefined });
    },
    pointerUp: (s, e) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      setDrag(undefined);
      if (!drag.moving) return;
      // Swallow the click that may follow this drop (only that one: it comes in the same task).
      suppressClick.current = true;
      setTimeout(() => {
        suppressClick.current = false;
      }, 0);
      const to = boxAt(e.clientX, e.clientY);
      if (to !== undefined) onDrop(s, to);
      else onMiss(s);
    },
    pointerCancel: () => setDrag(undefined),
    consumeClick: () => {
      if (!suppressClick.current) return false;
      suppressClick.current = false;
      return true;
    }
  };
}
