import type { HfCallOptions } from '@s3-to-hf/core';
import type { ReactiveControllerHost } from 'lit';

/** What the controllers of `<hf-import-job>` read off their element: its Hub and follow settings. */
export interface ImportJobHost extends ReactiveControllerHost, HTMLElement {
  readonly hasUpdated: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly accessToken?: string;
  readonly hubUrl: string;
  readonly fetch?: typeof fetch;
  readonly maxFollowedJobs: number;
  readonly pollInterval: number;
}

/** The options of a Hub call as the element's properties stand (the caller checked that there is a token). */
export function hubCall(host: ImportJobHost): HfCallOptions & { hubUrl: string } {
  return { accessToken: host.accessToken as string, hubUrl: host.hubUrl, fetch: host.fetch };
}
