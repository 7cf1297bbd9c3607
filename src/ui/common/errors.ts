import { isDataError, type DataErrorKind } from '../../domain';

/** What to tell the user about a failure: what happened and what they can do. */
export interface ErrorMessage {
  title: string;
  body: string;
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
    body: 'SharePoint asked us to slow down. Wait a minute, then try again. Nothing you entered has been lost.'
  },
  forbidden: {
    title: 'You do not have permission',
    body: 'Your account is not allowed to do this. Ask the site owner or the involvement team for access.'
  },
  thresholdExceeded: {
    title: 'This list is too big to search this way',
    body: 'SharePoint refused the search because the list holds more than 5,000 items. Ask a site owner to run "Set up lists" to add the missing indexes.'
  },
  offline: { title: 'You seem to be offline', body: 'We could not reach SharePoint. Check your connection, then try again.' },
  listsMissing: {
    title: 'The planner is not set up on this site',
    body: 'The lists the planner needs are missing. A site owner can set them up.'
  },
  schemaDrift: {
    title: 'Some stored data is not in the expected form',
    body: 'A list or column has been changed outside the planner. Ask a site owner to run "Set up lists", or contact support with the details below.'
  },
  invalidRequest: {
    title: 'SharePoint did not accept the request',
    body: 'Something we sent was not in the form SharePoint expects. Try again; if it keeps happening, contact support with the details below.'
  },
  server: { title: 'Something went wrong', body: 'SharePoint returned an unexpected error. Try again in a few minutes.' }
};

/** Plain-English message for any error a screen may meet. */
export function describeError(error: unknown): ErrorMessage & { detail?: string } {
  if (isDataError(error)) return { ...MESSAGES[error.kind], detail: error.detail };
  return { ...MESSAGES.server, detail: error instanceof Error ? error.message : String(error) };
}
