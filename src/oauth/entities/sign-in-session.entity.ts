import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person signed in to the authorization pages (login, consent); a cookie holds its id. */
@Entity('oauth_sign_in_sessions')
export class SignInSession {
  /** SHA-256 of the cookie value. */
  @PrimaryColumn('text')
  idHash: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
