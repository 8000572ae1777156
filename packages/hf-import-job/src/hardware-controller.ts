import { listJobHardware, type JobHardware } from '@s3-to-hf/core';
import type { ReactiveController } from 'lit';
import { hubCall, type ImportJobHost } from './import-job-host.js';
import { messageOf } from '@s3-to-hf/core/format';

/**
 * The Hub's list of Job hardware (flavors and prices) for the element's hub and token: loaded
 * once per hub and token while connected, dropped on disconnect and loaded again on return.
 */
export class HardwareController implements ReactiveController {
  /** The flavors, once loaded (the last list stays while signed out). */
  hardware?: JobHardware[];
  /** Why the list could not be loaded. */
  problem?: string;
  #abort?: AbortController;
  /** Hub and token the list was (or is being) loaded for. */
  #loadedFor?: string;

  constructor(
    private readonly host: ImportJobHost,
    /** The flavor a Job would start on without the list, named in the problem. */
    private readonly fallbackFlavor: () => string,
  ) {
    host.addController(this);
  }

  /** Loads the list unless it is loaded (or loading) for the current hub and token already. */
  load(): void {
    const { accessToken, hubUrl } = this.host;
    const key = accessToken && this.host.isConnected ? `${hubUrl}\n${accessToken}` : undefined;
    if (key !== undefined && key === this.#loadedFor) return;
    this.#stop();
    this.#loadedFor = key;
    this.problem = undefined;
    this.host.requestUpdate();
    if (!key) return;
    this.hardware = undefined;
    const controller = new AbortController();
    this.#abort = controller;
    listJobHardware({ ...hubCall(this.host), signal: controller.signal }).then(
      (hardware) => {
        if (controller.signal.aborted) return;
        this.hardware = hardware;
        this.#abort = undefined;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.problem = `${messageOf(error)} The Job can still start on ${this.fallbackFlavor()}.`;
        this.#abort = undefined;
        this.host.requestUpdate();
      },
    );
  }

  /** Loads the list again, even for the same hub and token (after a failure, or with another fetch). */
  reload(): void {
    this.#loadedFor = undefined;
    this.load();
  }

  hostConnected(): void {
    // Back in the document after a move: what disconnecting dropped is loaded again.
    if (this.host.hasUpdated && !this.hardware) this.load();
  }

  hostDisconnected(): void {
    this.#stop();
    this.#loadedFor = undefined;
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }
}
