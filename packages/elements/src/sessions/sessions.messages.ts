/** @module The English texts of `<foyer-sessions>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-sessions>`. */
export const sessionsMessages = {
  sessionsHeading: 'Where you’re signed in',
  sessionsLoading: 'Loading your sessions…',
  sessionsCaption: 'Your sessions',
  sessionDevice: 'Device',
  sessionIp: 'Network',
  sessionCreated: 'Signed in',
  sessionLastSeen: 'Last active',
  thisDevice: 'This device',
  unknownIp: 'Unknown',
  signOutSession: 'Sign out',
  signOutSessionLabel: (device) => `Sign out ${device}`,
  signOutOthers: 'Sign out all other sessions',
  sessionRevoked: (device) => `Signed out of ${device}.`,
  othersRevoked: 'Signed out of all other sessions.',
  noOtherSessions: 'You are not signed in anywhere else.',
} satisfies Partial<FoyerMessages>;
