import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The current time, renewed every second while `ticking()` holds, so elapsed times and deadlines stay fresh. */
export class ClockController implements ReactiveController {
  now = Date.now();
  #ticker?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ticking: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.ticking()) {
      this.#ticker ??= setInterval(() => {
        this.now = Date.now();
        this.host.requestUpdate();
      }, 1000);
    } else {
      this.#stop();
    }
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
