import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ReportFormat } from '../reports/render';

/** The path the report links point at, on the bot's own server. */
export const REPORT_PATH = '/reports/committee';
/** How long a link works: long enough to open it from the card, short enough that a forwarded one soon stops. */
export const REPORT_LINK_MINUTES = 15;
const AUDIENCE = 'action-tracker:committee-report';

export interface LinkClaims {
  planId: string;
  /** The person the link was made for (lower-case email): the server checks they may still read the plan. */
  email: string;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; code: 'expired' | 'invalid' };

/**
 * Short-lived links to a plan's committee report, signed (HS256) for one person. The secret comes
 * from REPORT_LINK_SECRET; a local run with none makes a random one, so its links end with the process.
 */
export class ReportLinks {
  private readonly key: Uint8Array;

  constructor(
    secret: string | null,
    /** Where the bot's server is reached from a browser, such as https://bot.example.org (known once it listens). */
    private readonly baseUrl: () => string,
  ) {
    this.key = secret === null ? new Uint8Array(randomBytes(32)) : new TextEncoder().encode(secret);
  }

  async token(claims: LinkClaims, now: Date): Promise<string> {
    const issued = Math.floor(now.getTime() / 1000);
    return new SignJWT({ plan: claims.planId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.email.toLowerCase())
      .setAudience(AUDIENCE)
      .setIssuedAt(issued)
      .setExpirationTime(issued + REPORT_LINK_MINUTES * 60)
      .sign(this.key);
  }

  async url(claims: LinkClaims, format: ReportFormat, now: Date): Promise<string> {
    const token = await this.token(claims, now);
    return `${this.baseUrl()}${REPORT_PATH}?format=${format}&token=${encodeURIComponent(token)}`;
  }

  async check(token: string, now: Date): Promise<LinkCheck> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        currentDate: now,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const plan = payload.plan;
      if (typeof plan !== 'string' || typeof payload.sub !== 'string') return { ok: false, code: 'invalid' };
      return { ok: true, claims: { planId: plan, email: payload.sub } };
    } catch (error) {
      return { ok: false, code: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
