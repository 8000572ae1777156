// Browser-test support for every package: loads the shared light theme into the test page.

let loading: Promise<void> | undefined;

/** Adds packages/ui's light-theme.css to the page once; `.s3hf-light` on an ancestor then applies it. */
export function loadLightTheme(): Promise<void> {
  loading ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../src/light-theme.css', import.meta.url).href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('light-theme.css did not load'));
    document.head.append(link);
  });
  return loading;
}
