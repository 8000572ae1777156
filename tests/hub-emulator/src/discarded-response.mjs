// A stand-in for http.ServerResponse that throws away everything a route writes, for faults that
// let the emulator handle a request (a Job is really created) while its answer is lost.
import { EventEmitter } from 'node:events';

/** Enough of the ServerResponse surface for the JSON and redirect routes (not the SSE stream). */
export class DiscardedResponse extends EventEmitter {
  statusCode = 200;
  headersSent = false;
  writableEnded = false;

  setHeader() {
    return this;
  }

  getHeader() {
    return undefined;
  }

  hasHeader() {
    return false;
  }

  removeHeader() {}

  /** @param {number} status */
  writeHead(status) {
    this.statusCode = status;
    this.headersSent = true;
    return this;
  }

  flushHeaders() {
    this.headersSent = true;
  }

  /** @param {...unknown} args chunk, encoding, callback as for a Writable */
  write(...args) {
    this.headersSent = true;
    /** @type {Function | undefined} */ (args.find((arg) => typeof arg === 'function'))?.();
    return true;
  }

  /** @param {...unknown} args */
  end(...args) {
    this.headersSent = true;
    this.writableEnded = true;
    /** @type {Function | undefined} */ (args.find((arg) => typeof arg === 'function'))?.();
    this.emit('finish');
    this.emit('close');
    return this;
  }

  destroy() {
    this.emit('close');
    return this;
  }
}
