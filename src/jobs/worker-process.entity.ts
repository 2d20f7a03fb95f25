import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A running worker process and the job-queue worker ids it holds jobs under. Its heartbeat
 * tells the others it is alive; when it stops beating (a kill -9, a lost machine), another
 * process unlocks its jobs so they run again instead of waiting out the queue's 4-hour lock.
 */
@Entity('worker_processes')
export class WorkerProcess {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  queueWorkerIds: string[];

  @Column('text')
  hostname: string;

  @Column('integer')
  pid: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  heartbeatAt: Date;
}
