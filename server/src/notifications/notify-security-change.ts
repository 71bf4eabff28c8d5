/**
 * @module Tells every verified channel of a user about a sensitive change (password, email,
 * payout destination, a factor added or removed, account deletion): the email(s) the route built,
 * and a short SMS to each verified phone of the user. One helper, used by every such route, so no
 * channel is forgotten. Nothing here makes the request wait or fail: mail and SMS leave in the
 * background, and a failure (also of looking up the numbers) is only logged.
 */
import type { Context } from 'hono';
import type { MailMessage } from '../adapters/mail/mailer.js';
import { listPhonesOfUser } from '../db/repositories/user-phones.js';
import type { FoyerServerContext } from '../server-context.js';

/** What to tell: the email(s), and the text of the SMS (one sentence; never a code or a link). */
export interface SecurityNotice {
  mail: MailMessage | readonly MailMessage[];
  sms: string;
  /**
   * The verified numbers (E.164) to text, when they were read before the change removed them
   * (account deletion); otherwise they are looked up in the background.
   */
  phones?: readonly string[];
}

/** The SMS of a security notice: what changed, when, and what to do if it was not the user. */
export function securityNoticeSms(what: string, when: string): string {
  return `Security notice: ${what} (${when} UTC). If this wasn't you, reset your password now.`;
}

/** The verified numbers of a user (E.164); read before a change that deletes them. */
export async function verifiedPhonesOf(ctx: FoyerServerContext, userId: string): Promise<string[]> {
  return (await listPhonesOfUser(ctx.db, userId)).filter((row) => row.verified_at !== null).map((row) => row.phone);
}

/**
 * Sends `notice` to every verified channel of `userId`, in the background.
 *
 * @example
 * notifySecurityChange(ctx, c, user.id, { mail: passwordChangedEmail({...}), sms: securityNoticeSms('Your password was changed.', when) });
 */
export function notifySecurityChange(
  ctx: FoyerServerContext,
  _c: Context | undefined,
  userId: string,
  notice: SecurityNotice,
): void {
  const mails: readonly MailMessage[] = Array.isArray(notice.mail) ? notice.mail : [notice.mail as MailMessage];
  for (const mail of mails) ctx.sendInBackground(mail);
  // SMS off: no number can have been verified through this server's configuration, and no sender is meant.
  if (!ctx.phone) return;
  ctx.runInBackground('security-notice-sms', async () => {
    const phones = notice.phones ?? (await verifiedPhonesOf(ctx, userId));
    for (const to of new Set(phones)) ctx.sendSmsInBackground({ to, body: notice.sms });
  });
}
