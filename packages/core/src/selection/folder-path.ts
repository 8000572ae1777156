/** True for folder paths: the root `''` and every path ending with `/`. */
export function isFolderPath(path: string): boolean {
  return path === '' || path.endsWith('/');
}

/**
 * The folder that directly contains a file key or a folder path (`'a/b/c'` → `'a/b/'`,
 * `'a/b/'` → `'a/'`, `'a'` → `''`). Empty segments are real folders in S3: `'a//'` is inside `'a/'`.
 */
export function parentFolderOf(path: string): string {
  const lastNameEnd = path.endsWith('/') ? path.length - 2 : path.length - 1;
  if (lastNameEnd < 0) return '';
  return path.slice(0, path.lastIndexOf('/', lastNameEnd) + 1);
}
