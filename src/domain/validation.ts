import type { z } from 'zod';
import { isMessageKey, messageText, type MessageKey } from './messages';

/** A problem with one field, ready to show next to it. */
export interface FieldProblem {
  /** Path to the field, e.g. `project.decisionDate` or `objectives.decisions.0`. */
  readonly path: string;
  readonly key: MessageKey;
  readonly text: string;
}

/** The zod option that makes a schema report a message key instead of zod's own English. */
export function msg(key: MessageKey): { error: MessageKey } {
  return { error: key };
}

/** Turn a zod error into plain-English field problems. zod's own messages are never shown. */
export function toFieldProblems(error: z.core.$ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : 'value.invalid';
    const path = issue.path.map(String).join('.');
    // Say the limit, so the person knows how much to cut (SharePoint's or the template's).
    if (key === 'text.tooLong' && issue.code === 'too_big' && typeof issue.maximum === 'number')
      return { path, key, text: `This is too long: it can hold at most ${issue.maximum.toLocaleString('en-GB')} characters. Shorten it.` };
    return { path, key, text: messageText(key) };
  });
}

/** Result of validating untrusted input: the value, or problems by field. */
export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** A zod schema of either API (classic or zod/mini): what `validate` calls. */
export interface Checkable<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: z.core.$ZodError };
}

/** Parse with a schema and return plain-English problems instead of throwing. */
export function validate<T>(schema: Checkable<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: toFieldProblems(result.error) };
}
