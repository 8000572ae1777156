/** The Hugging Face Hub this client talks to unless `hubUrl` says otherwise. */
export const DEFAULT_HUB_URL = 'https://huggingface.co';

/** Options every Hub call takes. */
export interface HfCallOptions {
  /** A user access token or OAuth access token (`hf_…`). */
  accessToken: string;
  /** Default {@link DEFAULT_HUB_URL}; tests point it at the hub emulator. */
  hubUrl?: string;
  /** Replaces the global fetch (proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Aborts the call, including waits between retries. */
  signal?: AbortSignal;
}
