import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework's token issuer, offline: an OpenID
 * metadata document (`/.well-known/openidconfiguration`, as at
 * login.botframework.com) whose `jwks_uri` lists the public halves of the
 * keys it trusts, and a signer for RS256 JSON Web Tokens (node:crypto only).
 *
 * Point botbuilder at it with `ToBotFromChannelOpenIdMetadataUrl` (see
 * `metadataUrl`); the bot then checks tokens signed here exactly as it
 * checks the Bot Connector's.
 */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A compact JWS: RS256 (or RS384/RS512) over header.payload with the key's private half. */
export function signJwt(
  payload: Record<string, unknown>,
  key: SigningKey,
  header: Record<string, unknown> = {},
): string {
  const fullHeader = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...header };
  const digest = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' }[fullHeader.alg] ?? 'sha256';
  const input = `${b64url(fullHeader)}.${b64url(payload)}`;
  return `${input}.${sign(digest, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** A token with no signature at all (`alg: none`). */
export function unsignedJwt(payload: Record<string, unknown>, kid: string): string {
  return `${b64url({ alg: 'none', typ: 'JWT', kid })}.${b64url(payload)}.`;
}

export class OpenIdIssuer {
  private server: http.Server | null = null;
  /** How many times the metadata and the key set were fetched. */
  fetches = { metadata: 0, keys: 0 };

  constructor(
    readonly issuer: string,
    private readonly trusted: SigningKey[],
    /** Endorsements listed with each key, as the Bot Framework's keys list the channels they may sign for. */
    private readonly endorsements: string[] = ['msteams'],
  ) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/.well-known/openidconfiguration' || req.url === '/.well-known/openid-configuration') {
        this.fetches.metadata++;
        return send(200, {
          issuer: this.issuer,
          authorization_endpoint: `${this.url}/authorize`,
          jwks_uri: `${this.url}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      }
      if (req.url === '/keys') {
        this.fetches.keys++;
        return send(200, {
          keys: this.trusted.map((k) => {
            const jwk = k.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
            return { kty: 'RSA', use: 'sig', kid: k.kid, n: jwk.n, e: jwk.e, endorsements: this.endorsements };
          }),
        });
      }
      send(404, { error: 'not found' });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
