import type { Role } from '../../ports/store.ts';

/** Who is calling, resolved from the API key by the auth middleware. */
export interface Principal {
  readonly keyId: string;
  /** The key holder; four-eyes compares owners, so two keys of one person count as one person. */
  readonly owner: string;
  readonly role: Role;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}
