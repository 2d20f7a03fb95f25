import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

/**
 * A key pair that signs access tokens. Kept in the database so every API process signs and
 * verifies with the same keys; rotated by age, and published in the JWKS until every token it
 * signed has expired.
 */
@Entity('oauth_signing_keys')
export class SigningKey {
  @PrimaryColumn('text')
  kid: string;

  @Column('text')
  algorithm: string;

  @Column('jsonb')
  publicJwk: JWK;

  @Column('jsonb')
  privateJwk: JWK;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** No longer signs; still verifies until `createdAt` + rotation + token lifetime. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
