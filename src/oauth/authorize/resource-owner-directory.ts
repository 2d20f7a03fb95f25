/** The outcome of a password sign-in on the authorization pages. */
export type PasswordCheck =
  | { outcome: 'signed-in'; userId: string }
  | { outcome: 'refused' }
  | { outcome: 'blocked'; retryAfterSeconds: number };

/** A company the person may grant an app access to: one they are a member of. */
export interface GrantableCompany {
  id: string;
  name: string;
  organizationNumber: string;
  role: string;
}

export interface ResourceOwnerProfile {
  userId: string;
  name: string;
  email: string;
  /** Ordered by name. */
  companies: GrantableCompany[];
}

/**
 * What the authorization pages need to know about people (OAuth's resource owners). The
 * identity context implements it: it depends on this context already (sign-up registers a
 * client), so this one asks through this port instead of importing it back.
 */
export abstract class ResourceOwnerDirectory {
  /** Checks an email and password, slowing down repeated failures of one account. */
  abstract checkPassword(email: string, password: string): Promise<PasswordCheck>;

  /** The person and the companies they belong to; undefined when the person no longer exists. */
  abstract profile(userId: string): Promise<ResourceOwnerProfile | undefined>;
}
