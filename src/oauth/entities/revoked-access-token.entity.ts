import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Access tokens revoked before they expire (RFC 7009); rows can go once `expiresAt` passes. */
@Entity('oauth_revoked_access_tokens')
@Index('oauth_revoked_access_tokens_expires_at_idx', ['expiresAt'])
export class RevokedAccessToken {
  @PrimaryColumn('uuid')
  jti: string;

  @Column('timestamptz')
  expiresAt: Date;
}
