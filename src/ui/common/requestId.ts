/**
 * A new idempotency key for a write that must happen once (a new plan, a batch of stakeholders,
 * a shared-list entry). Keep it while retrying the same write, so a retry never makes a second item.
 */
export const newRequestId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
