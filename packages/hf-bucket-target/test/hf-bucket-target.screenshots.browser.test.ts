import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { HfBucketTargetElement } from '../src/index.js';
import { fill, hub, hubControl, loadLightTheme, waitForNamespaces, waitForTone, type HubControl } from './bucket-target-test-helpers.js';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 360, height: 740 },
] as const;
const THEMES = ['dark', 'light'] as const;

/** A page around the element, as an importer would lay it out. */
async function page(token: string, attributes: { namespace?: string; bucket?: string; prefix?: string; isPrivate?: boolean }) {
  const frame = await fixture<HTMLDivElement>(html`<div
    class="frame"
    style="box-sizing: border-box; min-height: 100vh; padding: 32px 16px; background: var(--s3hf-color-background, #0b0f19); color: var(--s3hf-color-text, #e5e7eb); font: 14px/1.45 ui-sans-serif, system-ui, sans-serif;"
  >
    <div style="max-width: 680px; margin: 0 auto;">
      <h2 style="margin: 0 0 4px; font-size: 18px;">Destination</h2>
      <p style="margin: 0 0 16px; color: var(--s3hf-color-text-muted, #9ca3af);">The Hugging Face Storage Bucket the files are copied into.</p>
      <hf-bucket-target
        hub-url=${hub().url}
        namespace=${attributes.namespace ?? ''}
        bucket=${attributes.bucket ?? ''}
        prefix=${attributes.prefix ?? ''}
        ?private=${attributes.isPrivate ?? false}
        .accessToken=${token}
      ></hf-bucket-target>
    </div>
  </div>`);
  return { frame, element: frame.querySelector('hf-bucket-target') as HfBucketTargetElement };
}

/** Every theme × viewport of what `frame` shows now. */
async function shoot(frame: HTMLElement, state: string): Promise<void> {
  for (const theme of THEMES) {
    frame.classList.toggle('s3hf-light', theme === 'light');
    for (const viewport of VIEWPORTS) {
      await setViewport({ width: viewport.width, height: viewport.height });
      const file = await executeServerCommand<string, { name: string }>('take-screenshot', { name: `hf-bucket-target-${state}-${theme}-${viewport.name}` });
      expect(file).to.match(/\.png$/);
    }
  }
}

describe('<hf-bucket-target> screenshots (1280×800 and 360×740, dark and light)', () => {
  let control: HubControl;
  before(async () => {
    control = await hubControl();
    await loadLightTheme();
    document.body.style.margin = '0';
  });
  beforeEach(() => control.reset());
  after(() => setViewport({ width: 800, height: 600 }));

  it('an existing bucket', async () => {
    await control.createBucket('acme/imagenet-subset', { private: true });
    const { frame, element } = await page(hub().tokens.write, { namespace: 'acme', bucket: 'imagenet-subset', prefix: 'raw/2024/' });
    await waitForTone(element, 'success');
    await shoot(frame, 'exists');
  });

  it('a bucket that will be created', async () => {
    const { frame, element } = await page(hub().tokens.write, { bucket: 'laion-captions', isPrivate: true });
    await waitForTone(element, 'info');
    await shoot(frame, 'will-be-created');
  });

  it('validation errors', async () => {
    const { frame, element } = await page(hub().tokens.write, {});
    await waitForNamespaces(element);
    await fill(element, 'bucket', 'my dataset');
    await fill(element, 'prefix', '/exports//2024');
    await shoot(frame, 'validation-error');
  });

  it('a 403 in a namespace where the token cannot write', async () => {
    const { frame, element } = await page(hub().tokens.orgWrite, { bucket: 'common-voice' });
    await waitForTone(element, 'error');
    await element.ensureBucket().catch(() => undefined);
    await element.updateComplete;
    await shoot(frame, 'forbidden');
  });
});
