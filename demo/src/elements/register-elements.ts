// The three elements of steps 3 and 4, in a chunk of their own: importing the packages registers
// their tags. Only load-elements.ts imports this module, dynamically.
import '@s3-to-hf/s3-tree';
import '@s3-to-hf/hf-bucket-target';
import '@s3-to-hf/hf-import-job';
