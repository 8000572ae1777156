import { css } from 'lit';

/**
 * The busy spinner (`<span class="spinner" aria-hidden="true">`, a ring in the text colour, 1em)
 * and the `spin` animation it turns with, for anything else that spins (an icon). Elements resize
 * or recolour `.spinner` in their own styles. Slower, not still, for reduced motion.
 */
export const spinnerStyles = css`
  .spinner {
    display: inline-block;
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;
