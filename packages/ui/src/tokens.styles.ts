import { css } from 'lit';

/**
 * The shared design tokens, dark by default (in the spirit of the Hugging Face Buckets pages).
 * Every element reads `--s3hf-*` custom properties with these fallbacks, so a page themes all
 * elements at once by setting the properties on any ancestor (see light-theme.css), and one
 * element by setting them on it. Elements keep their own component tokens on top of these.
 */
export const tokenStyles = css`
  :host {
    --_bg: var(--s3hf-color-background, #0b0f19);
    --_surface: var(--s3hf-color-surface, #111827);
    --_surface-raised: var(--s3hf-color-surface-raised, #1f2937);
    --_border: var(--s3hf-color-border, #2b3544);
    --_text: var(--s3hf-color-text, #e5e7eb);
    --_text-muted: var(--s3hf-color-text-muted, #9ca3af);
    --_accent: var(--s3hf-color-accent, #ffd21e);
    --_accent-text: var(--s3hf-color-accent-text, #111827);
    --_link: var(--s3hf-color-link, #93c5fd);
    --_success: var(--s3hf-color-success, #4ade80);
    --_warning: var(--s3hf-color-warning, #fbbf24);
    --_danger: var(--s3hf-color-danger, #f87171);
    --_focus: var(--s3hf-color-focus, #60a5fa);
    --_selection: var(--s3hf-color-selection, rgba(96, 165, 250, 0.16));
    --_radius: var(--s3hf-radius, 8px);
    --_font: var(--s3hf-font-family, 'Source Sans Pro', ui-sans-serif, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_mono: var(--s3hf-font-mono, 'IBM Plex Mono', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_font-size: var(--s3hf-font-size, 14px);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
