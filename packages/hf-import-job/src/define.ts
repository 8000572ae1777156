// Registers <hf-import-job> (unless the tag is taken): the one side effect of importing the package.
import { HfImportJobElement } from './hf-import-job-element.js';

HfImportJobElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'hf-import-job': HfImportJobElement;
  }
}
