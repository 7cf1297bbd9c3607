import * as React from 'react';
import {
  checkPlanReadiness,
  decisionDateProblem,
  planContentSchema,
  todayIso,
  toFieldProblems,
  type MapEntry,
  type PlanContent,
  type ReadinessItem
} from '../../domain';
import { getIn, type PlanPath, type PlanPathTo, type PlanValue } from './paths';
import { useInvolvementSettings } from '../shell/involvementSettings';

/** Set the value at a path of the plan's content; the compiler checks the path and the value's type. */
export type UpdatePlan = <P extends PlanPath>(path: P, value: PlanValue<P>) => void;

/** What every field of the guide reads and writes. */
export interface EditorContextValue {
  content: PlanContent;
  update: UpdatePlan;
  readOnly: boolean;
  /** Show "required" messages (after the lead asks to check a step, or has visited Review). */
  showRequired: boolean;
  /** Format problems (a bad date, a bad link) by field path. */
  problems: Map<string, string>;
  /** Missing required items by field path. */
  missing: Map<string, string>;
  /** Everything still missing, for the checklist. */
  readiness: ReadinessItem[];
  /** The plan's stakeholder map, or null while it loads. */
  stakeholders: readonly MapEntry[] | null;
}

const EditorContext = React.createContext<EditorContextValue | undefined>(undefined);

/** Props for {@link EditorProvider}. */
export type EditorProviderProps = {
  content: PlanContent;
  update: UpdatePlan;
  readOnly: boolean;
  showRequired: boolean;
  stakeholders: readonly MapEntry[] | null;
  children?: React.ReactNode;
};

/** Validates the plan once per change and gives every field its value, setter and message. */
export function EditorProvider({ content, update, readOnly, showRequired, stakeholders, children }: EditorProviderProps): JSX.Element {
  const settings = useInvolvementSettings();
  const value = React.useMemo<EditorContextValue>(() => {
    const parsed = planContentSchema.safeParse(content);
    const problems = new Map(parsed.success ? [] : toFieldProblems(parsed.error).map((p) => [p.path, p.text] as const));
    // A decision date in the past or years ahead is said at the field while the lead can change it (issue 15 §6).
    const decision = readOnly ? undefined : decisionDateProblem(content.project.decisionDate, todayIso());
    if (decision && !problems.has('project.decisionDate')) problems.set('project.decisionDate', decision);
    const readiness = checkPlanReadiness(content, stakeholders, settings);
    const missing = new Map(readiness.map((i: ReadinessItem) => [i.field, i.text] as const));
    return { content, update, readOnly, showRequired, problems, missing, readiness, stakeholders };
  }, [content, update, readOnly, showRequired, stakeholders, settings]);
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** The editor, from the nearest {@link EditorProvider}. */
export function useEditor(): EditorContextValue {
  const value = React.useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside EditorProvider');
  return value;
}

/** A field's value, setter and message. The element id is `field-<path>` so the checklist can link to it. */
export function useField<T>(path: PlanPathTo<T>): { value: T; set(value: T): void; message?: string; readOnly: boolean; id: string } {
  const editor = useEditor();
  const message = editor.problems.get(path) ?? (editor.showRequired ? editor.missing.get(path) : undefined);
  // `path` is checked to hold a T where the field is used, so the value can be read and set as one.
  const set = (value: T): void => (editor.update as (path: PlanPath, value: unknown) => void)(path, value);
  return { value: getIn(editor.content, path) as T, set, message, readOnly: editor.readOnly, id: fieldId(path) };
}

/** The DOM id of a field's wrapper. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}
