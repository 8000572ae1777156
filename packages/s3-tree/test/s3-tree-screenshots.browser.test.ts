// Screenshots for people to look at (.test-artifacts/screenshots/s3-tree-*.png): the main states
// at desktop and phone widths, in the dark default and the light theme.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { S3TreeElement } from '../src/index.js';
import {
  button,
  clickCheckbox,
  expandFolder,
  loadLightTheme,
  ownerConnection,
  proxyClient,
  testServer,
  waitForListing,
  type ProxyClient,
  type S3TestServer,
} from './s3-tree-test-helpers.js';

const sizes = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: 'phone', width: 360, height: 740 },
];
const themes = ['dark', 'light'] as const;

describe('<s3-tree> screenshots', () => {
  let server: S3TestServer;
  let proxy: ProxyClient;
  before(async () => {
    server = await testServer();
    proxy = await proxyClient(server);
    await loadLightTheme();
  });
  afterEach(() => proxy.reset());
  after(() => setViewport({ width: 800, height: 600 }));

  /** Renders the element on a page-like background in a theme. */
  async function stage(theme: (typeof themes)[number], width: number): Promise<{ shot: HTMLElement; element: S3TreeElement }> {
    const padding = width < 500 ? 12 : 32;
    const shot = await fixture<HTMLElement>(html`
      <div
        id="shot"
        class=${theme === 'light' ? 's3hf-light' : ''}
        style="padding: ${padding}px; background: ${theme === 'light' ? '#ffffff' : '#0b0f19'}; max-width: ${width}px; box-sizing: border-box"
      >
        <s3-tree></s3-tree>
      </div>
    `);
    return { shot, element: shot.querySelector('s3-tree')! };
  }

  async function capture(name: string, element: S3TreeElement): Promise<void> {
    // Pictures start at the top of the tree, without the focus ring of the last click.
    const viewport = element.shadowRoot!.querySelector<HTMLElement>('[part~="viewport"]');
    if (viewport) viewport.scrollTop = 0;
    (element.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    await element.updateComplete;
    // Let the ResizeObserver measure and the last frame paint before the picture.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const file = await executeServerCommand<string, { name: string; selector: string }>('take-screenshot', { name, selector: '#shot' });
    expect(file).to.contain(name);
  }

  for (const { label, width, height } of sizes) {
    for (const theme of themes) {
      describe(`${label}, ${theme}`, () => {
        before(() => setViewport({ width, height }));

        it('a loaded tree with a mixed selection', async () => {
          const { element } = await stage(theme, width);
          element.connection = ownerConnection(server);
          await waitForListing(element, '');
          await expandFolder(element, 'data/');
          await expandFolder(element, 'data/train/');
          await clickCheckbox(element, 'data/train/part-00001.parquet');
          await clickCheckbox(element, 'data/train/part-00004.parquet');
          await clickCheckbox(element, 'data/meta.json');
          await clickCheckbox(element, 'deep/');
          await element.countSelected();
          await clickCheckbox(element, 'many/');
          await clickCheckbox(element, 'README.md');
          await capture(`s3-tree-selection-${label}-${theme}`, element);
        });

        it('the preview of a selection', async () => {
          const { element } = await stage(theme, width);
          element.connection = ownerConnection(server);
          await waitForListing(element, '');
          await clickCheckbox(element, 'many/');
          await expandFolder(element, 'hostile/');
          await clickCheckbox(element, 'hostile/');
          await clickCheckbox(element, 'hostile/-rf');
          button(element, 'Preview').click();
          await waitUntil(() => element.shadowRoot!.querySelector('[part~="preview"] [role="listitem"]'), 'preview rows');
          await capture(`s3-tree-preview-${label}-${theme}`, element);
        });

        it('the CORS help and the pattern editor', async () => {
          const { element } = await stage(theme, width);
          element.connection = ownerConnection(server, { bucket: server.noCorsBucket });
          await waitUntil(() => element.manual, 'manual mode', { timeout: 20_000 });
          await element.updateComplete;
          const include = element.shadowRoot!.querySelector<HTMLTextAreaElement>('#patterns-include')!;
          include.value = 'data/train/*\n/logs/*\nREADME.md ';
          include.dispatchEvent(new Event('input'));
          const exclude = element.shadowRoot!.querySelector<HTMLTextAreaElement>('#patterns-exclude')!;
          exclude.value = '*.tmp';
          exclude.dispatchEvent(new Event('input'));
          await capture(`s3-tree-cors-manual-${label}-${theme}`, element);
        });

        it('an error on one folder, with the selection kept', async () => {
          const { element } = await stage(theme, width);
          element.connection = ownerConnection(server, { viaProxy: true });
          await waitForListing(element, '');
          await clickCheckbox(element, 'README.md');
          await clickCheckbox(element, 'many/');
          await proxy.addFault({ match: { bucket: server.corsBucket, prefix: 'data/' }, fault: 'expired-token-400' });
          element.shadowRoot!.querySelector<HTMLElement>('[data-path="data/"] [part~="toggle"]')!.click();
          await waitUntil(() => element.shadowRoot!.querySelector('[part~="notices"]'), 'folder error', { timeout: 20_000 });
          await capture(`s3-tree-folder-error-${label}-${theme}`, element);
        });

        it('an error: the secret key is wrong', async () => {
          const { element } = await stage(theme, width);
          element.connection = ownerConnection(server, {
            credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'not-the-secret-key-at-all' },
          });
          await waitUntil(() => element.shadowRoot!.querySelector('[part~="error"]'), 'error panel', { timeout: 20_000 });
          await capture(`s3-tree-error-${label}-${theme}`, element);
        });
      });
    }
  }
});
