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

/** Local mode (no sign-in), with no one named: say how to open the page as a demo person, with a link for each. */
function OpenAsSomeone({ people }: { people: ApiRefusal['people'] }) {
  const linkTo = (email: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set('as', email);
    return url.pathname + url.search;
  };
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Choose who you are</MessageBarTitle>
        This is local mode, with sign-in off: add ?as= and an email to the address to see the plan as that person, for
        example ?as={people[0]?.email}. The demo people:
        <ul aria-label="Demo people">
          {people.map((p) => (
            <li key={p.email}>
              <a href={linkTo(p.email)}>{p.name}</a> ({p.email})
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** A refusal or failure in plain English: the server's own message when it sent one. */
export function Problem({ error }: { error: unknown }) {
  if (error instanceof ApiRefusal && error.code === 'not-signed-in')
    return error.people.length ? <OpenAsSomeone people={error.people} /> : <OpenInTeams />;
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
