import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

/** Props for {@link DeleteDraftDialog}. */
export type DeleteDraftDialogProps = { title: string; busy: boolean; onKeep(): void; onDelete(): void };

/** "Delete this draft?" (loaded when a lead first presses Delete; see MyPlans). */
export function DeleteDraftDialog({ title, busy, onKeep, onDelete }: DeleteDraftDialogProps): JSX.Element {
  return (
    <Dialog
      open
      onOpenChange={(_e, d) => {
        if (!d.open) onKeep();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete this draft?</DialogTitle>
          <DialogContent>“{title}” will be deleted. This cannot be undone.</DialogContent>
          <DialogActions>
            <Button onClick={onKeep}>Keep it</Button>
            <Button appearance="primary" disabled={busy} onClick={onDelete}>
              Delete draft
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
