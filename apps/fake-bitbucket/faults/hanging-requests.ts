import { ShutdownState } from '@app/health';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Socket } from 'node:net';

/**
 * Requests a `hang` fault holds open. They would never end on their own, so a graceful shutdown does
 * not wait its grace period for them: draining closes their connections at once.
 */
@Injectable()
export class HangingRequests {
  private readonly sockets = new Set<Socket>();

  constructor(private readonly shutdown: ShutdownState) {
    shutdown.onDrain(() => {
      for (const socket of this.sockets) socket.destroy();
    });
  }

  /** Leaves the request unanswered until its client gives up or the fake stops. */
  hold(req: Request): void {
    const { socket } = req;
    if (this.shutdown.isDraining) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
