/**
 * @module Password strength with zxcvbn-ts. Its dictionaries are large (~230 KB gzip), so they
 * are loaded on first use through dynamic imports: a bundler puts them in a lazy chunk, never in
 * the initial bundle.
 */
import { contextWordsOf, type PasswordContext } from './password-policy.js';

/** zxcvbn's verdict, trimmed to what a person needs. */
export interface PasswordStrength {
  /** 0 (too guessable) … 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** log10 of the estimated guesses needed. */
  guessesLog10: number;
  /** Why it is weak, when it is (`This is a top-10 common password.`). */
  warning: string | null;
  /** How to make it stronger. */
  suggestions: string[];
}

/** Estimates the strength of a password. */
export type PasswordStrengthEstimator = (password: string, context?: PasswordContext) => PasswordStrength;

/**
 * The lowest zxcvbn score Foyer accepts: 3, "safely unguessable: moderate protection from an
 * offline slow-hash scenario" — the scenario argon2id storage puts an attacker in.
 */
export const DEFAULT_MIN_PASSWORD_SCORE = 3;

/**
 * How many leading characters zxcvbn-ts estimates (its `maxLength`); the policy allows 128. The
 * estimate's CPU time grows faster than linearly with length: here one 128-character estimate
 * takes up to 1.6 s (median 1.1–1.2 s for random or l33t text), 64 characters take up to 0.7 s,
 * and every sign-up, reset or password change pays it, which makes length a denial-of-service
 * lever. Estimating a prefix errs on the safe side: over 300 generated passwords of 65–128
 * characters (phrases, l33t, common words, repeats), none that the full estimate refused scored
 * 3 or more on its first 64 characters; a password padded after a weak start is refused.
 */
export const PASSWORD_STRENGTH_MAX_LENGTH = 64;

let loading: Promise<PasswordStrengthEstimator> | undefined;

/**
 * Loads zxcvbn-ts with the common and English dictionaries (once) and returns the estimator.
 *
 * @example
 * const estimate = await loadPasswordStrength();
 * estimate('correct horse battery staple').score // 4
 */
export function loadPasswordStrength(): Promise<PasswordStrengthEstimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: english.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
      // Levenshtein matching costs ~400 ms a check here (vs ~14 ms without): too slow to run on
      // every keystroke and a denial-of-service lever on the server. Measured in npm run bench.
      useLevenshteinDistance: false,
      maxLength: PASSWORD_STRENGTH_MAX_LENGTH,
    });
    return (password: string, context: PasswordContext = {}) => {
      const result = zxcvbn.check(password, contextWordsOf(context));
      return {
        score: result.score,
        guessesLog10: result.guessesLog10,
        warning: result.feedback.warning || null,
        suggestions: result.feedback.suggestions,
      };
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
