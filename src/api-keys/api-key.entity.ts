import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Actor } from '../common/index.js';
import { Company, type CompanyEnvironment } from '../companies/index.js';

/**
 * A restricted API key: a long-lived secret a company hands to one integration (a POS, a
 * script), limited to the scopes chosen when it was made. Only the hash of the whole key is
 * kept; the key itself is shown once.
 */
@Entity('api_keys')
@Check('api_keys_environment_check', `"environment" IN ('live', 'test')`)
@Check('api_keys_created_by_kind_check', `"created_by_kind" IN ('user', 'client', 'api_key')`)
// Authentication finds a key by its id alone, before it knows the company. Not unique: a
// sharded table can only enforce uniqueness on keys that include company_id; ids are UUIDv7
// made here, and the secret hash must match anyway.
@Index('api_keys_id_idx', ['id'])
export class ApiKey {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Copied from the company: sandbox companies get `hb_test_` keys. */
  @Column('text')
  environment: CompanyEnvironment;

  @Column({ type: 'text', array: true })
  scopes: string[];

  /** SHA-256 of the whole key (256 random bits, so a slow hash adds nothing). */
  @Column('text')
  secretHash: string;

  @Column('text')
  createdByKind: Actor['kind'];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  /** The OAuth client_id the creator called through. */
  @Column({ type: 'text', nullable: true })
  createdByClientId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByApiKeyId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Refreshed at most once a minute, so busy keys do not write on every request. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;
}
