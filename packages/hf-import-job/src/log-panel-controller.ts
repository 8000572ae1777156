import type { ReactiveController } from 'lit';
import { countFormat } from './follow-model.js';
import type { ImportJobHost } from './import-job-host.js';
import type { ImportRun, JobShard } from './import-run.js';

const SCROLL_SLACK_PX = 24;

/** What the log panel reads of the import. */
export interface LogPanelOptions {
  run(): ImportRun | undefined;
  /** The shard's whole log so far. */
  linesOf(shard: JobShard): readonly string[];
}

/**
 * The log panel's state: which Job's log it shows, whether it keeps to the tail as lines arrive
 * (until the user scrolls up), and Copy and Download of the whole log.
 */
export class LogPanelController implements ReactiveController {
  /** The Job whose log is shown, from 1 (sharded imports). */
  shard = 1;
  followsTail = true;
  copyStatus?: string;
  /** Where the panel was last scrolled to automatically. */
  #autoScrolledTo?: number;

  constructor(
    private readonly host: ImportJobHost,
    private readonly options: LogPanelOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.#scrollToTail();
  }

  /** Follows the tail again, without the last copy's status. */
  reset(): void {
    this.followsTail = true;
    this.#autoScrolledTo = undefined;
    this.copyStatus = undefined;
    this.host.requestUpdate();
  }

  /** A new run: its first Job's log, from the tail. */
  newRun(): void {
    this.shard = 1;
    this.reset();
  }

  /** Shard `index` runs again as a new Job: if its log is shown, that starts afresh. */
  shardRestarted(index: number): void {
    if (this.shard === index) this.reset();
  }

  /** The Job whose log the panel shows. */
  loggedShard(): JobShard | undefined {
    const shards = this.options.run()?.shards ?? [];
    return shards[Math.min(Math.max(1, this.shard), shards.length) - 1];
  }

  readonly show = (index: number): void => {
    const run = this.options.run();
    if (!run || index < 1 || index > run.shards.length || index === this.shard) return;
    this.shard = index;
    this.reset();
  };

  readonly scrolled = (event: Event): void => {
    const panel = event.currentTarget as HTMLElement;
    const atBottom = panel.scrollHeight - panel.scrollTop - panel.clientHeight <= SCROLL_SLACK_PX;
    if (atBottom !== this.followsTail) {
      this.followsTail = atBottom;
      this.host.requestUpdate();
    }
  };

  readonly jumpToLatest = (): void => {
    this.followsTail = true;
    this.host.requestUpdate();
    const panel = this.#panel();
    if (panel) {
      panel.scrollTop = panel.scrollHeight;
      this.#autoScrolledTo = panel.scrollTop;
      panel.focus();
    }
  };

  readonly copy = async (): Promise<void> => {
    const text = this.#text();
    try {
      await navigator.clipboard.writeText(text);
      const lines = text === '' ? 0 : text.split('\n').length - 1;
      this.copyStatus = `Copied ${countFormat.format(lines)} lines.`;
    } catch {
      this.copyStatus = 'The browser did not allow copying; use Download instead.';
    }
    this.host.requestUpdate();
  };

  readonly download = (): void => {
    const url = URL.createObjectURL(new Blob([this.#text()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `hf-job-${this.loggedShard()?.ref.jobId || 'log'}.log`;
    this.host.renderRoot.append(link);
    link.click();
    link.remove();
    // The download has started from the URL by now; free it once the click is processed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  #panel(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.log');
  }

  #text(): string {
    const shard = this.loggedShard();
    const lines = shard ? this.options.linesOf(shard) : [];
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }

  /**
   * Keeps the log at its tail while following it. A user who scrolled up since the last automatic
   * scroll stops the following even before the scroll event arrives (lines may land in between).
   */
  #scrollToTail(): void {
    const panel = this.#panel();
    if (!panel || !this.followsTail) return;
    if (this.#autoScrolledTo !== undefined && panel.scrollTop < this.#autoScrolledTo - SCROLL_SLACK_PX) {
      this.followsTail = false;
      this.host.requestUpdate();
      return;
    }
    panel.scrollTop = panel.scrollHeight;
    this.#autoScrolledTo = panel.scrollTop;
  }
}
