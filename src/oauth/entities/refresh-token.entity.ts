import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A refresh token, rotated on every use. Tokens descending from one grant share a family:
 * presenting a rotated (already used) token revokes the whole family (RFC 9700 §4.14.2).
 */
@Entity('oauth_refresh_tokens')
@Index('oauth_refresh_tokens_token_hash_key', ['tokenHash'], { unique: true })
@Index('oauth_refresh_tokens_family_id_idx', ['familyId'])
export class RefreshToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  tokenHash: string;

  @Column('uuid')
  familyId: string;

  @Column('text')
  clientId: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'uuid', array: true })
  companyIds: string[];

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** Set when exchanged for a new pair; presenting it again is a replay. */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
