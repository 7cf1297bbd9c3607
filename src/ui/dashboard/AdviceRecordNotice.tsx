import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { checkDefensibleRecord, RULES_VERSION, type InvolvementPlan } from '../../domain';
import { formatDateTime } from '../common/format';

/**
 * What the involvement team should know about the record of the advice kept with a plan: it is
 * written by the lead's browser, so it is checked again here from its own answers and settings —
 * under the same rules any difference means it was altered; under older rules it is the advice as
 * it was at the time.
 */
export function AdviceRecordNotice({ plan }: { plan: InvolvementPlan }): JSX.Element | null {
  const stored = plan.adviceRecord;
  if (!stored) {
    if (plan.status === 'draft') return null;
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          No record of the advice was kept when this plan was submitted. The advice below is as it stands now, under your organisation’s
          settings.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!stored.ok)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The record of the advice at submission cannot be read</MessageBarTitle>
          {stored.problem} The advice below is as it stands now.
        </MessageBarBody>
      </MessageBar>
    );
  const check = checkDefensibleRecord(stored.record, plan.content);
  const when = formatDateTime(stored.record.madeAt);
  if (!check.sameRules)
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          The advice below was recorded on {when} under earlier rules ({stored.record.rulesVersion}; now {RULES_VERSION}): it is the advice
          as it was at the time.
        </MessageBarBody>
      </MessageBar>
    );
  if (check.differences.length > 0)
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>The record of the advice does not match the plan</MessageBarTitle>
          Recorded on {when}. {check.differences.join(' ')} Check the answers with the project lead.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="success">
      <MessageBarBody>The advice below was recorded when the plan was submitted, on {when}, and matches the plan’s answers.</MessageBarBody>
    </MessageBar>
  );
}
