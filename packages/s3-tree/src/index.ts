// <s3-tree>: a lazy, virtualized, accessible S3 bucket tree with tri-state selection and a
// pattern fallback. Importing this module registers the tag (see define.ts).
import './define.js';

export { S3TreeElement } from './s3-tree-element.js';
export {
  S3TreeErrorEvent,
  S3TreeModeChangeEvent,
  S3TreeSelectionChangeEvent,
  type S3TreeErrorDetail,
  type S3TreeMode,
  type S3TreeModeChangeDetail,
  type S3TreeSelection,
} from './events.js';
