/**
 * @module A real OpenID provider for tests (`oidc-provider` 9 on 127.0.0.1): Google-like (code flow,
 * query response, email in the id_token) or Apple-like (`form_post`, `email_verified` as the string
 * "true", the client secret checked as Apple's ES256 JWT), and a fetch-driven browser that walks
 * its devInteractions login and consent pages.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, decodeProtectedHeader, type CryptoKey as JoseKey, type KeyObject } from 'jose';
// oidc-provider ships no types; tests only use its documented constructor and `callback()`.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import Provider from 'oidc-provider';

/** A person known to the test provider. */
export interface TestOidcAccount {
  email: string;
  emailVerified: boolean;
  name?: string;
}

/** Options of {@link startTestOidcProvider}. */
export interface TestOidcProviderOptions {
  kind: 'google' | 'apple';
  clientId: string;
  /** Google-like: the shared secret. */
  clientSecret?: string;
  /** Apple-like: the team key's public half and ids, to check the ES256 client-secret JWT. */
  apple?: { teamId: string; keyId: string; publicKey: JoseKey | KeyObject | Uint8Array };
}

/** A running test provider. */
export interface TestOidcProvider {
  issuer: string;
  accounts: Map<string, TestOidcAccount>;
  /** id_token lifetime in seconds (shorten it to test expiry). @default 3600 */
  idTokenTtl: number;
  /** Apple-like: how many client-secret JWTs passed the check. */
  appleSecretsAccepted: number;
  /** Registers the redirect URI once the Foyer server's URL is known. */
  configure(redirectUri: string): void;
  close(): Promise<void>;
}

/** Starts the provider's socket (the issuer URL is known at once; call `configure()` next). */
export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  let handler: ((req: unknown, res: unknown) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestOidcAccount>();

  const state: TestOidcProvider = {
    issuer,
    accounts,
    idTokenTtl: 3600,
    appleSecretsAccepted: 0,
    configure(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: options.clientId,
            client_secret: options.clientSecret ?? 'apple-secret-is-a-jwt',
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_post',
            id_token_signed_response_alg: options.kind === 'apple' ? 'RS256' : 'RS256',
          },
        ],
        pkce: { required: () => true },
        conformIdTokenClaims: false,
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], name: ['name'] },
        scopes: ['openid', 'email', 'profile', 'name'],
        features: { devInteractions: { enabled: true } },
        ttl: {
          IdToken: () => state.idTokenTtl,
          AccessToken: 600,
          AuthorizationCode: 60,
          Interaction: 600,
          Session: 600,
          Grant: 600,
        },
        findAccount: (_ctx: unknown, id: string) => {
          const account = accounts.get(id);
          if (!account) return undefined;
          return {
            accountId: id,
            claims: () => ({
              sub: id,
              email: account.email,
              // Apple sends it as a string.
              email_verified: options.kind === 'apple' ? String(account.emailVerified) : account.emailVerified,
              ...(account.name ? { name: account.name } : {}),
            }),
          };
        },
      });
      if (options.apple) {
        const apple = options.apple;
        // Apple's client secret is an ES256 JWT signed with the team key, not a shared string.
        provider.Client.prototype.compareClientSecret = async function compareAppleSecret(
          actual: string,
        ): Promise<boolean> {
          try {
            const header = decodeProtectedHeader(actual);
            if (header.alg !== 'ES256' || header.kid !== apple.keyId) return false;
            const { payload } = await jwtVerify(actual, apple.publicKey, {
              algorithms: ['ES256'],
              issuer: apple.teamId,
              subject: options.clientId,
              audience: 'https://appleid.apple.com',
            });
            if (
              typeof payload.exp !== 'number' ||
              typeof payload.iat !== 'number' ||
              payload.exp - payload.iat > 15_777_000
            )
              return false;
            state.appleSecretsAccepted += 1;
            return true;
          } catch {
            return false;
          }
        };
      }
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return state;
}

/** A minimal cookie jar per origin (names and values; expiry by `Max-Age=0` / past `Expires`). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.split('=');
        const k = key.trim().toLowerCase();
        return (k === 'max-age' && Number(val) <= 0) || (k === 'expires' && new Date(val).getTime() < Date.now());
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.byOrigin.set(origin, jar);
  }
}

/** Sends a request with the jar's cookies, never following redirects, and stores the answer's cookies. */
export async function jarFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(url, response);
  return response;
}

/** The form of an HTML page: action, method and every input with a value. */
function parseForm(html: string, base: string): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const fields: Record<string, string> = {};
  for (const input of form[2]?.matchAll(/<input[^>]*>/gi) ?? []) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name)
      fields[name] = value
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
  }
  return { action: new URL((form[1] ?? '').replace(/&amp;/g, '&'), base).href, fields };
}

/** Where the provider sends the browser back: a GET URL (query) or a form to POST (form_post). */
export type ProviderReturn =
  { method: 'GET'; url: string } | { method: 'POST'; url: string; fields: Record<string, string> };

/**
 * Walks the provider from the authorization URL: follows its redirects, signs in as `accountId`
 * on the login page, approves the consent page, and stops at the redirect to `callbackPrefix`.
 */
export async function signInAtProvider(
  jar: CookieJar,
  authorizationUrl: string,
  accountId: string,
  callbackPrefix: string,
): Promise<ProviderReturn> {
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop += 1) {
    if (url.startsWith(callbackPrefix) && (init.method ?? 'GET') === 'GET') return { method: 'GET', url };
    const response = await jarFetch(jar, url, init);
    init = {};
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const form = parseForm(html, url);
    if (response.status !== 200 || !form)
      throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    if (form.action.startsWith(callbackPrefix)) return { method: 'POST', url: form.action, fields: form.fields };
    const fields = { ...form.fields };
    if (fields.prompt === 'login') Object.assign(fields, { login: accountId, password: 'any' });
    url = form.action;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    };
  }
  throw new Error('too many hops at the provider');
}
