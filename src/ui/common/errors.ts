import { isDataError, isRetryableError, type DataErrorKind } from '../../domain';

/** What to tell the user about a failure: what happened and what they can do. */
export interface ErrorMessage {
  title: string;
  body: string;
}

/** A failure said in plain English, with the technical detail for support and whether trying again can help. */
export interface DescribedError extends ErrorMessage {
  detail?: string;
  /** Trying again may work (busy, unavailable, offline, an unexpected server failure). */
  canRetry: boolean;
}

/**
 * How long to wait, in words: "about 1 second", "about 20 seconds", "about 2 minutes". Never "a
 * minute" when the server asked for a second (issue 15 §3).
 */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `about ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const MESSAGES: Record<DataErrorKind, ErrorMessage> = {
  notFound: {
    title: 'We could not find this',
    body: 'It may have been deleted, or you may not have access to it. Go back to your list and try again.'
  },
  conflict: {
    title: 'Someone else changed this',
    body: 'Another person saved changes while you were working. Reload to see their changes.'
  },
  throttled: {
    title: 'SharePoint is busy',
    body: 'SharePoint asked us to slow down, and it was still busy after we tried again for you. Try again in a few seconds.'
  },
  unavailable: {
    title: 'SharePoint is not available right now',
    body: 'SharePoint did not answer (it may be overloaded or down for maintenance), even after we tried again for you. Try again in a few minutes.'
  },
  forbidden: {
    title: 'You do not have permission',
    body: 'Your account is not allowed to do this. Ask the site owner or the involvement team for access.'
  },
  thresholdExceeded: {
    title: 'This list is too big to search this way',
    body: 'SharePoint refused the search because the list holds more than 5,000 items. Ask a site owner to run "Set up lists" to add the missing indexes.'
  },
  offline: {
    title: 'You seem to be offline',
    body: 'We could not reach SharePoint from this device. Check your network connection, then try again.'
  },
  listsMissing: {
    title: 'The planner is not set up on this site',
    body: 'The lists the planner needs are missing. A site owner can set them up.'
  },
  schemaDrift: {
    title: 'Some stored data is not in the expected form',
    body: 'Part of what is stored on the site is not in the form the planner expects. The details say which item and which field, and who can put it right.'
  },
  invalidContent: {
    title: 'Not saved: some answers need fixing first',
    body: 'Nothing was sent to SharePoint, so nothing stored has changed.'
  },
  invalidRequest: {
    title: 'SharePoint did not accept the request',
    body: 'Something we sent was not in the form SharePoint expects. Try again; if it keeps happening, contact support with the details below.'
  },
  server: { title: 'Something went wrong', body: 'SharePoint returned an unexpected error. Try again in a few minutes.' }
};

/** Plain-English message for any error a screen may meet. */
export function describeError(error: unknown): DescribedError {
  if (!isDataError(error)) return { ...MESSAGES.server, detail: error instanceof Error ? error.message : String(error), canRetry: true };
  const message = { ...MESSAGES[error.kind], detail: error.detail, canRetry: isRetryableError(error) };
  if (error.retryAfterMs !== undefined && (error.kind === 'throttled' || error.kind === 'unavailable')) {
    // Say the wait the server asked for, not a guess.
    message.body = message.body.replace(
      /Try again in a few (seconds|minutes)\./,
      `It asked us to wait ${waitInWords(error.retryAfterMs)}; try again after that.`
    );
  }
  if (error.kind === 'schemaDrift' || error.kind === 'invalidContent') message.body = `${message.body} ${error.detail}`;
  return message;
}
