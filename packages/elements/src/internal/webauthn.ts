/**
 * @module The browser's WebAuthn ceremonies for the passkey machines, via @simplewebauthn/browser,
 * imported lazily: its code is fetched only when a passkey is actually used, so the initial bundle
 * stays lean (scripts/bundle-lazy.test.ts checks it).
 */
import { fromPromise } from 'xstate';
import type { PasskeyCeremonyActors, WebauthnOptions } from '@foyer/core';

const loadBrowser = () => import('@simplewebauthn/browser');

/** True when this browser can create and use passkeys at all. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** True when the browser offers passkeys in the autofill of a `autocomplete="… webauthn"` input. */
export async function conditionalMediationAvailable(): Promise<boolean> {
  if (!passkeysSupported()) return false;
  const check = (PublicKeyCredential as unknown as { isConditionalMediationAvailable?: () => Promise<boolean> })
    .isConditionalMediationAvailable;
  return typeof check === 'function' ? check.call(PublicKeyCredential).catch(() => false) : false;
}

/** The ceremonies, for `createAuthMachines(actors, webauthnCeremonies)`. */
export const webauthnCeremonies: PasskeyCeremonyActors = {
  webauthnAuthenticate: fromPromise(async ({ input }) => {
    const { startAuthentication } = await loadBrowser();
    const response = await startAuthentication({
      optionsJSON: input.options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
      ...(input.conditional ? { useBrowserAutofill: true, verifyBrowserAutofillInput: false } : {}),
    });
    return response as unknown as Record<string, unknown>;
  }),
  webauthnRegister: fromPromise(async ({ input }: { input: { options: WebauthnOptions } }) => {
    const { startRegistration } = await loadBrowser();
    const response = await startRegistration({
      optionsJSON: input.options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
    });
    return response as unknown as Record<string, unknown>;
  }),
};
