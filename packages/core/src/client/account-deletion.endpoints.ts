/**
 * @module The client methods of `ACCOUNT_DELETION_ROUTES` and their machine actors. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { ACCOUNT_DELETION_ROUTES } from '../contracts/account-deletion.routes.js';
import { accountDeletionResponseSchema, accountExportSchema } from '../contracts/index.js';
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `ACCOUNT_DELETION_ROUTES`: export and deletion. */
export function accountDeletionEndpoints(call: EndpointCall) {
  return {
    exportAccount: (init) => call(ACCOUNT_DELETION_ROUTES.exportAccount, {}, accountExportSchema, init),
    requestAccountDeletion: (init) =>
      call(ACCOUNT_DELETION_ROUTES.requestAccountDeletion, {}, accountDeletionResponseSchema, init),
    deleteAccount: (body, init) => call(ACCOUNT_DELETION_ROUTES.deleteAccount, { body }, null, init),
  } satisfies Pick<FoyerClient, 'exportAccount' | 'requestAccountDeletion' | 'deleteAccount'>;
}

/** The method names of {@link accountDeletionEndpoints}. */
export type AccountDeletionEndpointName = keyof ReturnType<typeof accountDeletionEndpoints>;

/** The actors of `accountDeletionEndpoints`. */
export function accountDeletionHttpActors(client: Pick<FoyerClient, AccountDeletionEndpointName>) {
  return {
    requestAccountDeletion: fromPromise(({ signal }) => client.requestAccountDeletion({ signal })),
    deleteAccount: fromPromise(({ input, signal }) => client.deleteAccount(input, { signal })),
  } satisfies Partial<AuthActors>;
}
