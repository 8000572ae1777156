import { S3TreeElement } from './s3-tree-element.js';

// Importing the package registers <s3-tree>, unless a page registered that tag already.
S3TreeElement.define();

declare global {
  interface HTMLElementTagNameMap {
    's3-tree': S3TreeElement;
  }
}
