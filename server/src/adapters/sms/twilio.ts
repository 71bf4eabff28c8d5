/**
 * @module The Twilio-compatible SMS sender: `POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `From` (or `MessagingServiceSid`) and `Body`, HTTP Basic auth
 * `AccountSid:AuthToken`. The base URL is configurable, so any provider (or proxy) speaking
 * Twilio's Messages API works.
 */
import type { SmsMessage, SmsSender } from './sms.js';

/** Options of {@link createTwilioSmsSender}. */
export interface TwilioSmsSenderOptions {
  accountSid: string;
  authToken: string;
  /** Sender number (E.164) or alphanumeric id. One of `from` and `messagingServiceSid` is required. */
  from?: string;
  /** A Messaging Service, instead of `from`. */
  messagingServiceSid?: string;
  /** @default 'https://api.twilio.com' */
  baseUrl?: string;
  /** Abort the request after this long. @default 10_000 */
  timeoutMs?: number;
  /** For tests. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** A refusal or failure of the SMS provider. Carries no number and no message body. */
export class SmsDeliveryError extends Error {
  /** HTTP status of the provider's answer (0: no answer). */
  readonly status: number;
  /** The provider's error code, if it gave one (Twilio: `code`, e.g. 21211). */
  readonly providerCode: string | undefined;

  constructor(message: string, status: number, providerCode?: string) {
    super(message);
    this.name = 'SmsDeliveryError';
    this.status = status;
    this.providerCode = providerCode;
  }
}

/**
 * Creates a sender for Twilio's Messages API.
 *
 * @example
 * const sms = createTwilioSmsSender({ accountSid: 'AC…', authToken: '…', from: '+15005550006' });
 */
export function createTwilioSmsSender(options: TwilioSmsSenderOptions): SmsSender {
  if (!options.from && !options.messagingServiceSid) {
    throw new Error('createTwilioSmsSender: set `from` or `messagingServiceSid`');
  }
  const baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    async send(message: SmsMessage): Promise<void> {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      else if (options.from) form.set('From', options.from);
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new SmsDeliveryError(timedOut ? 'SMS provider timed out' : 'SMS provider unreachable', 0);
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      let providerCode: string | undefined;
      try {
        const body = (await response.json()) as { code?: unknown };
        if (body.code !== undefined) providerCode = String(body.code);
      } catch {
        // Not JSON: the status says enough.
      }
      throw new SmsDeliveryError(
        `SMS provider refused the message (HTTP ${response.status})`,
        response.status,
        providerCode,
      );
    },
  };
}
