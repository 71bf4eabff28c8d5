/** @module The SMS adapter interface: every text message Foyer sends goes through an `SmsSender`. */

/** One text message. `to` is E.164 (`+14155552671`). */
export interface SmsMessage {
  to: string;
  body: string;
}

/**
 * Sends text messages. Implementations: {@link DevSmsSink} (dev outbox + console, the default) and
 * {@link createTwilioSmsSender} (Twilio's HTTP API or anything that speaks it).
 *
 * @example
 * const sms: SmsSender = { async send({ to, body }) { await myProvider.send(to, body); } };
 */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
  /** Releases connections; called by `FoyerServer.close()`. */
  close?(): Promise<void>;
}
