import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { InvolvementPlan, Stakeholder } from '../../domain';
import { communicationsPlanDocument, planningTemplateDocument, type PlanDocument } from './documentModel';
import { ErrorBar } from '../common/components';
import { useInvolvementSettings } from '../shell/involvementSettings';

const useStyles = makeStyles({ actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

/** Offer a file to the person as a download. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download a document as Word (the docx code is large: it loads only when someone downloads). */
export async function downloadWord(doc: PlanDocument, suffix: string): Promise<void> {
  const { toWordBlob, fileName } = await import(/* webpackChunkName: "word-export" */ '../export/wordDocument');
  downloadBlob(await toWordBlob(doc), fileName(doc.title.replace(/^[^:]*:\s*/, ''), suffix));
}

const download = downloadWord;

/** Props for {@link ExportActions}. */
export type ExportActionsProps = { plan: InvolvementPlan; stakeholders: readonly Stakeholder[] | null; onPrintView(): void };

/** Word downloads of the planning template (with the advice under the saved settings) and the communications plan, and the print view. */
export function ExportActions({ plan, stakeholders, onPrintView }: ExportActionsProps): JSX.Element {
  const styles = useStyles();
  const settings = useInvolvementSettings();
  const [error, setError] = React.useState<unknown>();
  const run = (make: () => PlanDocument, suffix: string) => (): void => {
    setError(undefined);
    download(make(), suffix).catch(setError);
  };
  return (
    <div>
      <div className={styles.actions}>
        <Button
          disabled={stakeholders === null}
          onClick={run(() => planningTemplateDocument(plan, stakeholders ?? [], settings), 'planning-template')}
        >
          Download the plan (Word)
        </Button>
        <Button onClick={run(() => communicationsPlanDocument(plan), 'communications-plan')}>
          Download the communications plan (Word)
        </Button>
        <Button disabled={stakeholders === null} onClick={onPrintView}>
          Print view
        </Button>
      </div>
      {error !== undefined && <ErrorBar error={error} />}
    </div>
  );
}
