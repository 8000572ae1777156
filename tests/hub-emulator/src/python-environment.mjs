// The environment needed to find and start python3 from Node, and nothing else: test environments
// can hold variables too large to pass to a child process (a 5,000-object S3_TEST_SERVER exceeds
// Linux's 128 KiB limit for one variable and makes every spawn fail with E2BIG).

/** PATH, HOME and pyenv's variables from the current process. */
export function pythonEnvironment() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name === 'PATH' || name === 'HOME' || name.startsWith('PYENV')),
  );
}
