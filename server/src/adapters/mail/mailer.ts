/** @module The mail adapter interface: everything Foyer sends goes through a `Mailer`. */

/** One email, always with a plain-text and an HTML body. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * A one-line summary (e.g. the code and link) that a development mailer may print to the console.
   * Real mailers ignore it.
   */
  preview?: string;
}

/**
 * Sends mail. Implementations: {@link DevOutboxMailer} (the embedded default: stores mail in the
 * database and prints one line) and {@link createSmtpMailer} (nodemailer over SMTP).
 *
 * @example
 * const mailer: Mailer = { send: async (message) => myProvider.deliver(message) };
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Releases connections; called by `FoyerServer.close()`. */
  close?(): Promise<void>;
}
