/**
 * The Twilio-compatible sender speaks Twilio's Messages API exactly: POST
 * `/2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP Basic `AccountSid:AuthToken`,
 * form-encoded `To`, `From` | `MessagingServiceSid`, `Body`; refusals and timeouts become
 * `SmsDeliveryError`s that carry neither the number nor the text. Tested against a local server.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioSmsSender, SmsDeliveryError } from './twilio.js';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('createTwilioSmsSender', () => {
  let server: Server;
  let baseUrl: string;
  let seen: Seen[] = [];
  let reply: { status: number; body: string; delayMs?: number } = { status: 201, body: '{"sid":"SM123"}' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(reply.status, { 'content-type': 'application/json' });
          res.end(reply.body);
        }, reply.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen = [];
    reply = { status: 201, body: '{"sid":"SM123"}' };
  });

  it('posts the form to the Messages endpoint with Basic auth', async () => {
    const sms = createTwilioSmsSender({
      accountSid: 'AC123',
      authToken: 's3cret',
      from: '+15005550006',
      baseUrl: `${baseUrl}/`,
    });
    await sms.send({ to: '+14155552671', body: '123456 is your verification code.\n\n@example.com #123456' });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('AC123:s3cret').toString('base64')}`);
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request!.body);
    expect(Object.fromEntries(form)).toEqual({
      To: '+14155552671',
      From: '+15005550006',
      Body: '123456 is your verification code.\n\n@example.com #123456',
    });
  });

  it('uses MessagingServiceSid instead of From when given', async () => {
    const sms = createTwilioSmsSender({ accountSid: 'AC9', authToken: 't', messagingServiceSid: 'MG42', baseUrl });
    await sms.send({ to: '+4930123456', body: 'hi' });
    const form = new URLSearchParams(seen[0]!.body);
    expect(form.get('MessagingServiceSid')).toBe('MG42');
    expect(form.has('From')).toBe(false);
  });

  it('turns a refusal into SmsDeliveryError with the provider code, without the number', async () => {
    reply = {
      status: 400,
      body: '{"code":21211,"message":"The \'To\' number +14155552671 is not a valid phone number.","status":400}',
    };
    const sms = createTwilioSmsSender({ accountSid: 'AC1', authToken: 't', from: '+15005550006', baseUrl });
    const error = await sms.send({ to: '+14155552671', body: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error).toMatchObject({ status: 400, providerCode: '21211' });
    expect(String((error as Error).message)).not.toContain('4155552671');
  });

  it('handles a non-JSON error answer', async () => {
    reply = { status: 503, body: 'upstream down' };
    const sms = createTwilioSmsSender({ accountSid: 'AC1', authToken: 't', from: '+1', baseUrl });
    await expect(sms.send({ to: '+14155552671', body: 'x' })).rejects.toMatchObject({
      status: 503,
      providerCode: undefined,
    });
  });

  it('times out', async () => {
    reply = { status: 201, body: '{}', delayMs: 2000 };
    const sms = createTwilioSmsSender({ accountSid: 'AC1', authToken: 't', from: '+1', baseUrl, timeoutMs: 100 });
    // The provider answers after 2 s: only the client's own timeout gives status 0 and this message.
    await expect(sms.send({ to: '+14155552671', body: 'x' })).rejects.toMatchObject({
      name: 'SmsDeliveryError',
      status: 0,
      message: 'SMS provider timed out',
    });
  });

  it('needs a sender', () => {
    expect(() => createTwilioSmsSender({ accountSid: 'AC1', authToken: 't' })).toThrow(/from/);
  });
});
