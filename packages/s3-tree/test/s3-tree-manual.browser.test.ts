import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { corsConfigurationFor } from '@s3-to-hf/core';
import '../src/index.js';
import type { S3TreeElement, S3TreeErrorEvent, S3TreeModeChangeEvent, S3TreeSelectionChangeEvent } from '../src/index.js';
import {
  button,
  clickCheckbox,
  has,
  keysImportedBy,
  ownerConnection,
  shadowText,
  testServer,
  waitForListing,
  type S3TestServer,
} from './s3-tree-test-helpers.js';

describe('<s3-tree> when the browser may not list the bucket, and typed patterns', () => {
  let server: S3TestServer;
  before(async () => {
    server = await testServer();
  });

  /** Mounts the element on the bucket without CORS, recording its events from the start. */
  async function mountBlocked() {
    const modes: S3TreeModeChangeEvent[] = [];
    const errors: S3TreeErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div
      @s3-tree-mode-change=${(event: S3TreeModeChangeEvent) => modes.push(event)}
      @s3-tree-error=${(event: S3TreeErrorEvent) => errors.push(event)}
    >
      <s3-tree .connection=${ownerConnection(server, { bucket: server.noCorsBucket })}></s3-tree>
    </div>`);
    const element = wrapper.querySelector('s3-tree')!;
    await waitUntil(() => element.manual, 'manual mode', { timeout: 20_000 });
    await element.updateComplete;
    return { element, modes, errors };
  }

  function textarea(element: S3TreeElement, field: 'include' | 'exclude'): HTMLTextAreaElement {
    return element.shadowRoot!.querySelector<HTMLTextAreaElement>(`#patterns-${field}`)!;
  }

  async function type(element: S3TreeElement, field: 'include' | 'exclude', text: string): Promise<void> {
    const area = textarea(element, field);
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await element.updateComplete;
  }

  it('switches to manual mode on a CORS block and shows the exact CORS rule for this origin', async () => {
    const { element, modes, errors } = await mountBlocked();
    expect(element.hasAttribute('manual')).to.equal(true);
    expect(modes.map((event) => event.detail)).to.deep.equal([{ mode: 'manual', reason: 'cors-blocked' }]);
    expect(errors.map((event) => [event.detail.error.kind, event.detail.folder])).to.deep.equal([['cors-blocked', '']]);
    const help = shadowText(element, '[part~="cors"]');
    expect(help).to.contain(`This browser may not list “${server.noCorsBucket}”`);
    expect(help).to.contain(location.origin);
    const json = element.shadowRoot!.querySelector('[part~="cors-json"]')!.textContent;
    expect(json).to.equal(JSON.stringify(corsConfigurationFor(location.origin), null, 2));
    expect(JSON.parse(json!)[0].AllowedOrigins).to.deep.equal([location.origin]);
    expect(button(element, 'Copy rule').disabled).to.equal(false);
    expect(has(element, '#patterns-include')).to.equal(true);
    // Nothing is typed yet: the whole source is imported, and nothing about sizes is claimed.
    expect(element.selection).to.deep.equal({ mode: 'manual', filters: { root: '', include: [], exclude: [] } });
    await expect(element).to.be.accessible();
  });

  it('copies the CORS rule, or selects it when the clipboard is refused', async () => {
    const { element } = await mountBlocked();
    button(element, 'Copy rule').click();
    await waitUntil(() => shadowText(element, '#cors-copy-status') !== '', 'copy status');
    const status = shadowText(element, '#cors-copy-status');
    if (status === 'Copied.') {
      expect(await navigator.clipboard.readText()).to.equal(JSON.stringify(corsConfigurationFor(location.origin), null, 2));
    } else {
      expect(status).to.contain('the rule is selected');
      expect(getSelection()!.toString()).to.equal(JSON.stringify(corsConfigurationFor(location.origin), null, 2));
    }
  });

  it('validates patterns line by line as they are typed, and emits only valid filters', async () => {
    const { element } = await mountBlocked();
    const changed = oneEvent(element, 's3-tree-selection-change') as Promise<S3TreeSelectionChangeEvent>;
    await type(element, 'include', 'data/*\n/logs/*\n\nREADME.md ');
    const { detail } = await changed;
    expect(detail.mode).to.equal('manual');
    expect(detail.filters).to.equal(undefined);
    expect(detail.problem).to.contain('Include patterns, line 2: Starts with "/"');
    expect(detail.stats).to.equal(undefined);
    expect(textarea(element, 'include').getAttribute('aria-invalid')).to.equal('true');
    const messages = [...element.shadowRoot!.querySelectorAll('#patterns-include-problems li')].map((item) =>
      item.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(messages).to.have.length(2);
    expect(messages[0]).to.match(/^Line 2: Starts with "\/", so it never matches/);
    expect(messages[1]).to.match(/^Line 4 \(note\): Ends with a space/);
    expect(shadowText(element, '[part~="totals"]')).to.contain('Fix the patterns marked above');

    await type(element, 'include', 'data/*\nREADME.md ');
    await type(element, 'exclude', 'data/train/**');
    expect(textarea(element, 'include').getAttribute('aria-invalid')).to.equal('false');
    expect(element.selection).to.deep.equal({
      mode: 'manual',
      filters: { root: '', include: ['data/*', 'README.md '], exclude: ['data/train/**'] },
    });
    expect(shadowText(element, '#patterns-exclude-problems')).to.contain('"**" is the same as "*"');
    // Typed patterns mean what the importer does with them.
    expect(keysImportedBy(element.selection.filters!, server.objects)).to.deep.equal(
      server.objects.map(({ key }) => key).filter((key) => key.startsWith('data/') && !key.startsWith('data/train/')),
    );
    await expect(element).to.be.accessible();
  });

  it('lets the user switch between the tree and patterns, keeping both', async () => {
    const modes: S3TreeModeChangeEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @s3-tree-mode-change=${(event: S3TreeModeChangeEvent) => modes.push(event)}>
      <s3-tree .connection=${ownerConnection(server)}></s3-tree>
    </div>`);
    const element = wrapper.querySelector('s3-tree')!;
    await waitForListing(element, '');
    await clickCheckbox(element, 'README.md');
    const treeSelection = element.selection;
    button(element, 'Patterns').click();
    await element.updateComplete;
    expect(element.manual).to.equal(true);
    expect(button(element, 'Patterns').getAttribute('aria-pressed')).to.equal('true');
    await type(element, 'include', 'many/*');
    expect(element.selection.filters).to.deep.equal({ root: '', include: ['many/*'], exclude: [] });
    button(element, 'Tree').click();
    await element.updateComplete;
    expect(element.manual).to.equal(false);
    expect(element.selection).to.deep.equal(treeSelection);
    button(element, 'Patterns').click();
    await element.updateComplete;
    expect(textarea(element, 'include').value).to.equal('many/*');
    expect(modes.map((event) => event.detail)).to.deep.equal([
      { mode: 'manual', reason: 'user' },
      { mode: 'tree', reason: 'user' },
      { mode: 'manual', reason: 'user' },
    ]);
    // With a listed tree, the preview shows what the typed patterns match among the listed keys.
    button(element, 'Preview').click();
    await element.updateComplete;
    expect(shadowText(element, '.preview-summary')).to.contain('0 listed files');
    expect(shadowText(element, '.preview-summary')).to.contain('folders never listed: the patterns may match more files in them');
  });

  it('goes back to the tree by itself once the bucket can be listed', async () => {
    const { element, modes } = await mountBlocked();
    element.connection = ownerConnection(server);
    await waitForListing(element, '');
    expect(element.manual).to.equal(false);
    expect(modes.map((event) => event.detail.mode)).to.deep.equal(['manual', 'tree']);
    expect(has(element, '[part~="cors"]')).to.equal(false);
  });

  it('can be put in manual mode by the page', async () => {
    const element = await fixture<S3TreeElement>(html`<s3-tree manual .connection=${ownerConnection(server)}></s3-tree>`);
    await waitForListing(element, '');
    expect(element.manual).to.equal(true);
    expect(has(element, '[part~="manual"]')).to.equal(true);
    element.manual = false;
    await element.updateComplete;
    expect(has(element, '[part~="viewport"]')).to.equal(true);
    expect(element.selection.mode).to.equal('tree');
  });
});
