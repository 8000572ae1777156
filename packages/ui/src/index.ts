// @s3-to-hf/ui: what the importer's elements share so they look like one product.
import { controlStyles } from './control.styles.js';
import { spinnerStyles } from './spinner.styles.js';
import { tokenStyles } from './tokens.styles.js';

export { controlStyles, spinnerStyles, tokenStyles };

/** Tokens then controls: the usual start of an element's `static styles`. */
export const baseStyles = [tokenStyles, controlStyles];
