import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time code from the authorization-code flow, bound to its PKCE challenge. */
@Entity('oauth_authorization_codes')
export class AuthorizationCode {
  /** SHA-256 of the code; the code itself is never stored. */
  @PrimaryColumn('text')
  codeHash: string;

  @Column('text')
  clientId: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'uuid', array: true })
  companyIds: string[];

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column('text')
  redirectUri: string;

  /** S256 challenge: base64url(SHA-256(code_verifier)). Plain challenges are refused. */
  @Column('text')
  codeChallenge: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  /** The refresh-token family issued for this code, revoked if the code is replayed. */
  @Column({ type: 'uuid', nullable: true })
  familyId: string | null;
}
