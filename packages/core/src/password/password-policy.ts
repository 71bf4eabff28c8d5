/**
 * @module Password policy after NIST SP 800-63B §5.1.1.2: 8–128 characters, no composition
 * rules, no passwords built from context words (the email, the product's name). Synchronous and
 * small; strength (zxcvbn-ts) is in `password-strength.ts`, loaded lazily; breach checks are the
 * server's.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../contracts/auth.contracts.js';

/** What a password is checked against besides its length. */
export interface PasswordContext {
  /** The account's email: its local part and domain name are context words. */
  email?: string;
  /** The product's name(s). @default ['foyer'] */
  productNames?: readonly string[];
  /** More words specific to the person or the site (their name, the city of the marketplace…). */
  words?: readonly string[];
}

/** One reason a password is not acceptable. */
export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'contains_context';
  message: string;
}

const normalise = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    // Common substitutions people use to "disguise" a word.
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!|]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's')
    .replace(/7/g, 't')
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The context words of a person: email local part pieces, the domain's name, product names. */
export function contextWordsOf(context: PasswordContext): string[] {
  const words = new Set<string>();
  for (const name of context.productNames ?? ['foyer']) words.add(name);
  for (const word of context.words ?? []) words.add(word);
  if (context.email) {
    const [local = '', domain = ''] = context.email.toLowerCase().split('@');
    words.add(local);
    for (const part of local.split(/[._+-]/)) words.add(part);
    words.add(domain.split('.')[0] ?? '');
  }
  return [...words].map(normalise).filter((word) => word.length >= 4);
}

/**
 * The problems of a password under the policy; empty when it is acceptable.
 *
 * @example
 * checkPasswordPolicy('ada.lovelace2026', { email: 'ada.lovelace@example.com' })
 * // [{ code: 'contains_context', message: 'Do not use your email address or “foyer” in your password.' }]
 */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [{ code: 'too_short', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` }];
  if (length > PASSWORD_MAX_LENGTH)
    return [{ code: 'too_long', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }];
  const candidate = normalise(password);
  const hit = contextWordsOf(context).find((word) => candidate.includes(word));
  if (hit) {
    const products = (context.productNames ?? ['foyer']).map((name) => `“${name}”`).join(' or ');
    return [
      { code: 'contains_context', message: `Do not build your password from your email address or ${products}.` },
    ];
  }
  return [];
}
