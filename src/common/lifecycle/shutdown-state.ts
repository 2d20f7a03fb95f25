import { Injectable } from '@nestjs/common';

/** Set when SIGTERM arrives, so readiness fails and load balancers stop sending traffic. */
@Injectable()
export class ShutdownState {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  begin(): void {
    this.shuttingDown = true;
  }
}
