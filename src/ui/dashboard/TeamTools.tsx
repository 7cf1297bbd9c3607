import * as React from 'react';
import { ChannelSettings } from './ChannelSettings';
import { PendingNotifications, WorkflowSettings } from './WorkflowSettings';
import { SharedStakeholders } from './SharedStakeholders';

/**
 * Below the queue: the team's shared stakeholder list, the channel for new plans, notifications
 * not delivered yet and the Workflows webhook. Fetched after the counts and the queue (its own chunk).
 */
export function TeamTools(): JSX.Element {
  return (
    <>
      <SharedStakeholders />
      <ChannelSettings />
      <PendingNotifications />
      <WorkflowSettings />
    </>
  );
}
