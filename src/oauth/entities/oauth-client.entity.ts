import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';

export type OAuthClientType = 'confidential' | 'public';

/**
 * An application registered to call the API. Owned by the company that registered it; its
 * `client_credentials` tokens act for that company only, while people can grant it other
 * companies through the authorization-code flow.
 */
@Entity('oauth_clients')
@Check('oauth_clients_type_check', `"type" IN ('confidential', 'public')`)
@Check('oauth_clients_secret_check', `("type" = 'public') = ("secret_hash" IS NULL)`)
@Index('oauth_clients_client_id_key', ['clientId'], { unique: true })
export class OAuthClient {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  /** The public identifier sent in OAuth requests, e.g. `hbc_01J...`. */
  @Column('text')
  clientId: string;

  @Column('text')
  name: string;

  @Column('text')
  type: OAuthClientType;

  /** SHA-256 of the secret (a 256-bit random value, so a slow hash adds nothing). */
  @Column({ type: 'text', nullable: true })
  secretHash: string | null;

  /** Compared exactly, character for character (RFC 9700). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  redirectUris: string[];

  /** The most the client may ever be granted. */
  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;
}
