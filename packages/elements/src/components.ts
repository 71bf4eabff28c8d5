/**
 * @module The element classes and helpers without side effects: importing this file registers no
 * tag. Register under your own names with `FoyerSignIn.define('my-sign-in')`.
 */
export { FoyerElement, foyerStyles } from './internal/foyer-element.js';
export { MachineController, type MachineSource, type MachineControllerOptions } from './internal/machine-controller.js';
export {
  en,
  registerMessages,
  messagesFor,
  errorMessage,
  DEFAULT_LOCALE,
  type FoyerMessages,
} from './internal/messages.js';
export type { FoyerUserDetail, FoyerErrorDetail, FoyerVerifiedDetail } from './internal/events.js';
export { FoyerVerifyEmail } from './verify-email/verify-email.component.js';
export { FoyerSignIn } from './sign-in/sign-in.component.js';
export { FoyerSignUp } from './sign-up/sign-up.component.js';
export { FoyerAuth } from './auth/auth.component.js';
