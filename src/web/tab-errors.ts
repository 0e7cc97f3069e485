import { DEMO_PEOPLE } from '../services/demo-seed';
import { SignInRefusal } from './tab-sign-in';

/** The error codes of the tab's JSON contract, with the status each is sent with. */
export type TabErrorCode =
  'not-signed-in' | 'tenant-not-allowed' | 'not-permitted' | 'not-found' | 'bad-request' | 'unavailable' | 'internal';

export interface TabError {
  status: number;
  code: TabErrorCode;
  message: string;
  /** Local mode only, with no one named: the demo people the page can be opened as (`?as=`). */
  people?: ReadonlyArray<{ email: string; name: string }>;
}

const error = (status: number, code: TabErrorCode, message: string): TabError => ({ status, code, message });

/** Words for a refused sign-in. Local mode says how to pick a demo person; production how to open the tab. */
export function signInError(code: SignInRefusal, authEnabled: boolean): TabError {
  switch (code) {
    case 'notSignedIn':
      return authEnabled
        ? error(401, 'not-signed-in', 'Open Action Tracker from its tab in Microsoft Teams: it signs you in there.')
        : {
            ...error(
              401,
              'not-signed-in',
              'Local mode: say who you are with ?as= and an email, for example /tab?as=alexw@example.com. ' +
                `The demo people: ${DEMO_PEOPLE.map((p) => `${p.name} (${p.email})`).join(', ')}.`,
            ),
            people: DEMO_PEOPLE.map(({ email, name }) => ({ email, name })),
          };
    case 'tenantNotAllowed':
      return error(403, 'tenant-not-allowed', 'Action Tracker is not set up for your organisation.');
    case 'asRefused':
      return error(
        400,
        'bad-request',
        'Choosing who you are with ?as= works only in local mode. Open the tab in Teams.',
      );
    case 'badAs':
      return error(400, 'bad-request', '?as= needs an email address, for example ?as=alexw@example.com.');
    case 'keysUnavailable':
      return error(
        503,
        'unavailable',
        'Signing in is not possible just now: Microsoft sign-in did not answer. Try again shortly.',
      );
  }
}

/** A plan or action that does not exist and one the person may not read get the same answer. */
const notFound = (what: 'plan' | 'action') =>
  error(404, 'not-found', `That ${what} was not found. It may not exist, or you may not have access to it.`);
export const PLAN_NOT_FOUND = notFound('plan');
export const ACTION_NOT_FOUND = notFound('action');
export const NO_SUCH_PAGE = error(404, 'not-found', 'There is nothing at this address.');
export const BAD_REFERENCE = error(
  400,
  'bad-request',
  'That address is not one the tab uses: check the plan id and reference.',
);
export const BAD_REPORT_FORMAT = error(
  400,
  'bad-request',
  'The report comes as docx (a Word document) or html (a web page): format must be one of those.',
);
/** Someone who may read the plan but does not oversee it. */
export const REPORT_NOT_PERMITTED = error(
  403,
  'not-permitted',
  'Only a chair, an executive or an administrator of this plan can make its committee report.',
);
export const INTERNAL = error(500, 'internal', 'Something went wrong on our side. Nothing was changed; try again.');
