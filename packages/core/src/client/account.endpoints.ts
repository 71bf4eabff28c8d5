/**
 * @module The client methods of `ACCOUNT_ROUTES`. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { ACCOUNT_ROUTES } from '../contracts/account.routes.js';
import { payoutDestinationResponseSchema, userResponseSchema } from '../contracts/index.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `ACCOUNT_ROUTES`: payout destination, email change. */
export function accountEndpoints(call: EndpointCall) {
  return {
    setPayoutDestination: (body, init) =>
      call(ACCOUNT_ROUTES.setPayout, { body }, payoutDestinationResponseSchema, init),
    changeEmail: (body, init) => call(ACCOUNT_ROUTES.changeEmail, { body }, null, init),
    confirmEmailChange: (body, init) => call(ACCOUNT_ROUTES.confirmEmailChange, { body }, userResponseSchema, init),
  } satisfies Pick<FoyerClient, 'setPayoutDestination' | 'changeEmail' | 'confirmEmailChange'>;
}

/** The method names of {@link accountEndpoints}. */
export type AccountEndpointName = keyof ReturnType<typeof accountEndpoints>;
