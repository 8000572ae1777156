export { compileFilters } from './compile-filters.js';
export { escapeGlob } from './escape-glob.js';
export { EmptySelectionError, FilterFileError, LeadingSlashKeysError } from './filter-errors.js';
export { fnmatch } from './fnmatch.js';
export type { FilterRule, ImportFilters } from './import-filters.js';
export { matchesFilters, type FilterSet } from './matches-filters.js';
export { parseFilterFile } from './parse-filter-file.js';
export { renderFilterFile } from './render-filter-file.js';
export { previewImport, type ImportPreview } from './preview-import.js';
export {
  validateImportPatterns,
  type PatternField,
  type PatternProblem,
  type PatternValidation,
  type TypedPatterns,
} from './validate-import-patterns.js';
