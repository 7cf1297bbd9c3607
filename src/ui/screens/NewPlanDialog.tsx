import * as React from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input
} from '@fluentui/react-components';
import { emptyPlanContent, messageText, projectDetailsSchema, type InvolvementPlan } from '../../domain';
import { useServices } from '../services';
import { useCurrentUser } from '../ListsGate';
import { ErrorBar } from '../components';

/** Props for {@link NewPlanDialog}. */
export type NewPlanDialogProps = { onCreated: (plan: InvolvementPlan) => void };

/** A new idempotency key for creating a plan. */
export const newRequestId = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/**
 * "Start a new plan": asks for the project title and organisation and saves a draft. The same
 * request id is reused if the lead presses the button again after a failure, so a retry never
 * makes a second plan.
 */
export function NewPlanDialog({ onCreated }: NewPlanDialogProps): JSX.Element {
  const { plans } = useServices();
  const user = useCurrentUser();
  const [open, setOpen] = React.useState(false);
  const [title, setTitle] = React.useState('');
  const [organisation, setOrganisation] = React.useState('');
  const [titleError, setTitleError] = React.useState<string>();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const requestId = React.useRef(newRequestId());

  const submit = async (): Promise<void> => {
    const trimmed = title.trim();
    if (!trimmed) { setTitleError(messageText('plan.title.required')); return; }
    const parsed = projectDetailsSchema.shape.title.safeParse(trimmed);
    if (!parsed.success) { setTitleError(messageText(parsed.error.issues[0].message)); return; }
    setTitleError(undefined);
    setSaving(true);
    setError(undefined);
    try {
      const content = emptyPlanContent();
      content.project.title = trimmed;
      content.project.organisation = organisation.trim();
      const plan = await plans.create(content, { id: user.id, displayName: user.displayName, email: user.email }, requestId.current);
      requestId.current = newRequestId();
      setOpen(false);
      setTitle('');
      setOrganisation('');
      onCreated(plan);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">Start a new plan</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
          <DialogBody>
            <DialogTitle>Start a new plan</DialogTitle>
            <DialogContent>
              <Field label="Project title" required validationState={titleError ? 'error' : 'none'} validationMessage={titleError}
                hint="For example: Overnight opening of Riverside minor injuries unit">
                <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field label="Organisation leading the project" hint="You can change this later.">
                <Input value={organisation} onChange={(_e, d) => setOrganisation(d.value)} />
              </Field>
              {error !== undefined && <ErrorBar error={error} />}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement><Button>Cancel</Button></DialogTrigger>
              <Button appearance="primary" type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save draft'}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
