import { svg, type SVGTemplateResult } from 'lit';
import type { StatusTone } from './target-status.js';

// Drawn as SVG so that they look the same whatever fonts the page has.
const frame = (content: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${content}</svg>`;

const ICONS: Record<Exclude<StatusTone, 'none'>, SVGTemplateResult> = {
  success: frame(svg`<circle cx="10" cy="10" r="8"/><path d="M6.5 10.2l2.3 2.3 4.7-4.9"/>`),
  info: frame(svg`<circle cx="10" cy="10" r="8"/><path d="M10 6.5v7M6.5 10h7"/>`),
  warning: frame(svg`<path d="M10 2.8l7.6 13.4H2.4z"/><path d="M10 8v3.6M10 14.1v.1"/>`),
  error: frame(svg`<circle cx="10" cy="10" r="8"/><path d="M10 5.8v5M10 13.8v.1"/>`),
  neutral: frame(svg`<circle cx="10" cy="7" r="3.2"/><path d="M3.8 17.2c.9-3 3.3-4.6 6.2-4.6s5.3 1.6 6.2 4.6"/>`),
  busy: frame(svg`<circle cx="10" cy="10" r="7.5" opacity="0.25"/><path class="spin" d="M10 2.5a7.5 7.5 0 0 1 7.5 7.5"/>`),
};

/** The icon in front of a status line of this tone. */
export const statusIcon = (tone: Exclude<StatusTone, 'none'>): SVGTemplateResult => ICONS[tone];

/** "Opens in a new tab" mark after external links. */
export const externalLinkIcon = svg`<svg viewBox="0 0 16 16" width="13" height="13" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9.5 2.5h4v4M13.5 2.5L7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3"/></svg>`;
