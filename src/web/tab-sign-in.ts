import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';

/**
 * Who is asking the tab's API. With authentication on, the Teams single sign-on token is checked
 * with jose: its signature against Entra's published keys, the audience (the tab's app registration:
 * `api://<BOT_DOMAIN>/<app id>` for v1 tokens, the app id for v2), the issuer (Entra's, for the
 * token's own tenant), the expiry, and the tenant on the allow-list. With authentication off (local
 * mode only) the page names a demo person with `?as=`, which is refused when authentication is on.
 */

export interface SignInSettings {
  authEnabled: boolean;
  /** The app registration the tokens are issued for; without one, no token is accepted. */
  appId: string | null;
  domain: string | null;
  /** Lower-case tenant ids; empty lets any tenant in (never in production, where config requires a list). */
  allowedTenants: readonly string[];
  keysUrl: string;
}

export interface SignedIn {
  /** Lower-cased preferred_username, upn or email; null when the token carries none. */
  email: string | null;
  /** The Entra object id, when signed in with a token. */
  oid: string | null;
  name: string | null;
}

/** Typed reasons; the words are made at the edge (web/tab-errors.ts). `keysUnavailable`: Entra's keys could not be read. */
export type SignInRefusal = 'notSignedIn' | 'tenantNotAllowed' | 'asRefused' | 'badAs' | 'keysUnavailable';

export type SignIn = { ok: true; person: SignedIn } | { ok: false; code: SignInRefusal; why: string };

export interface SignInRequest {
  authorization: string | undefined;
  as: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams and Entra clocks differ a little; five minutes is what Microsoft's own libraries allow. */
const CLOCK_TOLERANCE_SECONDS = 300;

const refuse = (code: SignInRefusal, why: string): SignIn => ({ ok: false, code, why });
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The issuers Entra uses for a tenant: v1 tokens (Teams' default) and v2. */
export const issuersFor = (tenantId: string): string[] => [
  `https://sts.windows.net/${tenantId}/`,
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
];

export function audiencesFor(appId: string, domain: string | null): string[] {
  return domain ? [`api://${domain}/${appId}`, appId] : [appId];
}

export function tabSignIn(settings: SignInSettings): (request: SignInRequest) => Promise<SignIn> {
  if (!settings.authEnabled) return async (request) => localSignIn(request);
  // jose keeps the keys and fetches again only for a key id it has not seen (rate-limited by its cooldown).
  const keys = createRemoteJWKSet(new URL(settings.keysUrl));
  return async (request) => {
    if (request.as !== undefined) return refuse('asRefused', '?as= with authentication on');
    const token = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
    if (!token) return refuse('notSignedIn', 'no bearer token');
    if (!settings.appId) return refuse('notSignedIn', 'no TAB_APP_ID or MicrosoftAppId to check the audience against');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience: audiencesFor(settings.appId, settings.domain),
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'tid'],
      }));
    } catch (error) {
      return refusalOf(error);
    }
    const tenant = text(payload.tid)?.toLowerCase() ?? '';
    if (!GUID.test(tenant) || !issuersFor(tenant).includes(String(payload.iss)))
      return refuse('notSignedIn', 'issuer is not Entra for the token tenant');
    if (settings.allowedTenants.length > 0 && !settings.allowedTenants.includes(tenant))
      return refuse('tenantNotAllowed', 'tenant not on the allow-list');
    // Mail first, as chat keys people (reach.ts personKey): a UPN can differ from the address plans name.
    const email = text(payload.email) ?? text(payload.preferred_username) ?? text(payload.upn);
    return {
      ok: true,
      person: {
        email: email?.toLowerCase() ?? null,
        oid: text(payload.oid)?.toLowerCase() ?? null,
        name: text(payload.name),
      },
    };
  };
}

function localSignIn(request: SignInRequest): SignIn {
  const as = request.as?.trim().toLowerCase();
  if (!as) return refuse('notSignedIn', 'local mode without ?as=');
  if (!EMAIL.test(as) || as.length > 254) return refuse('badAs', '?as= is not an email');
  return { ok: true, person: { email: as, oid: null, name: null } };
}

function refusalOf(error: unknown): SignIn {
  // Anything but jose's own verdict on the token (a refused connection, a timeout, a key set that is
  // not one) means the keys could not be read: the token was never judged.
  if (
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid
  )
    return refuse('keysUnavailable', `signing keys unavailable: ${error instanceof Error ? error.name : 'unknown'}`);
  return refuse('notSignedIn', `token refused: ${error.code}`);
}
