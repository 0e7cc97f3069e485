import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ApiRefusal } from '../api';

/** Outside Teams in production there is no one to ask as: say how to open the tab where sign-in works. */
function OpenInTeams() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Open this page in Microsoft Teams</MessageBarTitle>
        The plan is shown only to people signed in to Teams. In Teams, choose Apps, find Action Tracker and open its
        Plan tab, or open the tab your team has added to its channel or meeting.
      </MessageBarBody>
    </MessageBar>
  );
}

/** A refusal or failure in plain English: the server's own message when it sent one. */
export function Problem({ error }: { error: unknown }) {
  if (error instanceof ApiRefusal && error.code === 'not-signed-in') return <OpenInTeams />;
  const message =
    error instanceof ApiRefusal ? error.message : 'Something went wrong while showing the plan. Please try again.';
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

export function Loading({ what }: { what: string }) {
  return <Spinner label={`Loading ${what}…`} />;
}
