// Rollup plugin for the demo page: emits index.html pointing at the hashed entry chunk (with
// modulepreload hints for the chunks it imports at once), the page stylesheet and the favicon.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The three references demo/index.html makes to its sources, exactly as written there. */
const SOURCE_REFERENCES = {
  script: '<script type="module" src="./src/main.ts"></script>',
  stylesheet: 'href="./src/page.css"',
  icon: 'href="./src/favicon.svg"',
};

/**
 * @param {{ html: string, entryName?: string }} options `html`: path of demo/index.html
 * @returns {import('rollup').Plugin}
 */
export function demoHtmlPlugin({ html, entryName = 'main' }) {
  const sourceDir = path.join(path.dirname(html), 'src');
  let stylesheetRef;
  let iconRef;
  return {
    name: 's3hf-demo-html',
    async buildStart() {
      this.addWatchFile(html);
      stylesheetRef = this.emitFile({ type: 'asset', name: 'page.css', source: await readFile(path.join(sourceDir, 'page.css')) });
      iconRef = this.emitFile({ type: 'asset', name: 'favicon.svg', source: await readFile(path.join(sourceDir, 'favicon.svg')) });
    },
    async generateBundle(_options, bundle) {
      const source = await readFile(html, 'utf8');
      if (/\n[\s\S]*<head>/.test(source.slice(0, source.indexOf('<head>') + '<head>'.length))) {
        this.error(`${html}: keep "<!doctype html><html …><head>" on the first line (a Space inserts its script at a CRLF-based offset).`);
      }
      for (const [name, reference] of Object.entries(SOURCE_REFERENCES)) {
        if (!source.includes(reference)) this.error(`${html} must contain ${reference} (the ${name} the build rewrites)`);
      }
      const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry && output.name === entryName);
      if (!entry || entry.type !== 'chunk') this.error(`No entry chunk named "${entryName}"`);
      const preloads = entry.imports.map((file) => `<link rel="modulepreload" href="./${file}" />`).join('\n');
      const page = source
        .replace(SOURCE_REFERENCES.script, `${preloads}${preloads ? '\n' : ''}<script type="module" src="./${entry.fileName}"></script>`)
        .replace(SOURCE_REFERENCES.stylesheet, `href="./${this.getFileName(stylesheetRef)}"`)
        .replace(SOURCE_REFERENCES.icon, `href="./${this.getFileName(iconRef)}"`);
      this.emitFile({ type: 'asset', fileName: 'index.html', source: page });
    },
  };
}
