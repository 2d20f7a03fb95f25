import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person who signs in. Global: one login across every company the person works in. */
@Entity('users')
// Unique regardless of case; an expression index TypeORM cannot describe, made by migration.
@Index('users_email_key', { synchronize: false })
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  /** argon2id, in PHC string format. Never returned, never logged. */
  @Column('text')
  passwordHash: string;

  @Column({ type: 'integer', default: 0 })
  failedSignIns: number;

  /** Set after repeated failed sign-ins; sign-in is refused until then. */
  @Column({ type: 'timestamptz', nullable: true })
  signInBlockedUntil: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
