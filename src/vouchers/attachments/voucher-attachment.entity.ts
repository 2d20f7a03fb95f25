import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Voucher } from '../voucher.entity.js';

/**
 * A source document of a voucher (the evidence: an invoice PDF, a receipt photo). Kept in the
 * database with its SHA-256, written once: the application role may add and read attachments,
 * never change or delete them, as bookkeeping law wants the documentation kept.
 */
@Entity('voucher_attachments')
@Index('voucher_attachments_content_key', ['companyId', 'voucherId', 'sha256'], { unique: true })
@Check('voucher_attachments_size_check', '"size_bytes" > 0')
export class VoucherAttachment {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  voucherId: string;

  @Column('text')
  fileName: string;

  @Column('text')
  contentType: string;

  @Column('integer')
  sizeBytes: number;

  /** Hex SHA-256 of the content: its fingerprint in the audit trail, and its ETag. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Voucher, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'voucher_id', referencedColumnName: 'id' },
  ])
  voucher?: Relation<Voucher>;
}
