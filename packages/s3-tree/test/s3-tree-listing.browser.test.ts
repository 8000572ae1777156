import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { S3TreeElement, type S3TreeErrorEvent } from '../src/index.js';
import {
  button,
  has,
  expandFolder,
  expectedLevel,
  ownerConnection,
  proxyClient,
  renderedRows,
  rowFor,
  rowsOnScreen,
  shadowText,
  testServer,
  waitForListing,
  waitForRow,
  type ProxyClient,
  type S3TestServer,
} from './s3-tree-test-helpers.js';

describe('<s3-tree> listing a real bucket', () => {
  let server: S3TestServer;
  let proxy: ProxyClient;
  before(async () => {
    server = await testServer();
    proxy = await proxyClient(server);
  });
  afterEach(() => proxy.reset());

  async function mount(connection = ownerConnection(server)): Promise<S3TreeElement> {
    const element = await fixture<S3TreeElement>(html`<s3-tree .connection=${connection}></s3-tree>`);
    await waitForListing(element, '');
    return element;
  }

  it('registers the tag and lists the top level of the CORS bucket, folders first', async () => {
    expect(customElements.get('s3-tree')).to.equal(S3TreeElement);
    const element = await mount();
    const expected = expectedLevel(server.objects, '');
    const rows = rowsOnScreen(element);
    expect(rows.map((row) => row.dataset.path)).to.deep.equal(expected);
    const tree = element.shadowRoot!.querySelector('[role="tree"]')!;
    expect(tree.getAttribute('aria-multiselectable')).to.equal('true');
    expect(tree.getAttribute('aria-busy')).to.equal('false');
    rows.forEach((row, index) => {
      expect(row.getAttribute('aria-level')).to.equal('1');
      expect(row.getAttribute('aria-posinset')).to.equal(String(index + 1));
      expect(row.getAttribute('aria-setsize')).to.equal(String(expected.length));
      expect(row.getAttribute('aria-checked')).to.equal('false');
    });
    expect(rowFor(element, 'data/')!.getAttribute('aria-expanded')).to.equal('false');
    expect(rowFor(element, 'README.md')!.hasAttribute('aria-expanded')).to.equal(false);
    expect(rowFor(element, 'README.md')!.querySelector('[part~="size"]')!.textContent).to.equal('512 B');
    // Lazy: nothing below the top is listed before it is opened.
    expect(element.selectionTree.isListed('data/')).to.equal(false);
    expect(element.selectionTree.isListed('many/')).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('lists a folder when it is opened, one level, and closes it again', async () => {
    const element = await mount();
    await expandFolder(element, 'data/');
    expect(element.selectionTree.isListed('data/train/')).to.equal(false);
    const expected = expectedLevel(server.objects, 'data/');
    const children = rowsOnScreen(element).filter((row) => row.getAttribute('aria-level') === '2');
    expect(children.map((row) => row.dataset.path)).to.deep.equal(expected);
    expect(children.map((row) => row.getAttribute('aria-setsize'))).to.deep.equal(expected.map(() => String(expected.length)));
    rowFor(element, 'data/')!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
    await waitUntil(() => !rowFor(element, 'data/meta.json'), 'children hidden after closing');
    expect(rowFor(element, 'data/')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('renders hostile keys as text, never as HTML, with the full key in the tooltip', async () => {
    const element = await mount();
    // Tall enough for every hostile row to be rendered at once.
    element.style.setProperty('--s3-tree-max-height', '200rem');
    await expandFolder(element, 'hostile/');
    // The "/" of "</b>" makes `hostile/<b>html<` a folder holding `b>.txt`.
    const folderName = (await waitForRow(element, 'hostile/<b>html</')).querySelector('[part~="name"]')!;
    expect(folderName.textContent).to.equal('<b>html<');
    await expandFolder(element, 'hostile/<b>html</');
    const name = (await waitForRow(element, 'hostile/<b>html</b>.txt')).querySelector('[part~="name"]')!;
    expect(name.textContent).to.equal('b>.txt');
    expect(name.getAttribute('title')).to.equal('hostile/<b>html</b>.txt');
    expect(has(element, '.viewport b')).to.equal(false);
    expect(rowFor(element, 'hostile/&amp;.txt')!.querySelector('[part~="name"]')!.textContent).to.equal('&amp;.txt');
    expect(rowFor(element, 'hostile/tab\there.txt')!.querySelector('[part~="name"]')!.textContent).to.equal('tab\u2409here.txt');
    expect(rowFor(element, 'hostile/ lead')!.querySelector('[part~="name"]')!.textContent).to.equal(' lead');
    // The 1,000-byte name is cut with an ellipsis instead of widening the row.
    const longRow = renderedRows(element).find((row) => row.dataset.path!.startsWith('hostile/long-name-'))!;
    const longName = longRow.querySelector<HTMLElement>('[part~="name"]')!;
    expect(getComputedStyle(longName).textOverflow).to.equal('ellipsis');
    expect(longName.scrollWidth).to.be.greaterThan(longName.clientWidth);
    expect(longRow.getBoundingClientRect().width).to.be.at.most(element.getBoundingClientRect().width);
  });

  it('lists the 5,000-file folder page by page with progress, keeping the DOM small', async () => {
    // Latency on the proxy makes each page take long enough to be seen.
    await proxy.setLatency(150);
    const element = await mount(ownerConnection(server, { viaProxy: true }));
    let mostRows = 0;
    const progress = new Set<string>();
    const observer = new MutationObserver(() => {
      mostRows = Math.max(mostRows, renderedRows(element).length);
      const status = rowFor(element, 'many/')?.querySelector('[part~="status"]')?.textContent?.trim();
      if (status) progress.add(status.replace(/\s+/g, ' '));
    });
    observer.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true });
    rowFor(element, 'many/')!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
    await waitUntil(() => rowFor(element, 'many/')?.getAttribute('aria-busy') === 'true', 'many/ busy while listing');
    expect(element.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-busy')).to.equal('true');
    await waitForListing(element, 'many/');
    observer.disconnect();
    expect([...progress].some((text) => text.startsWith('1,000 listed'))).to.equal(true, [...progress].join(' | '));
    expect([...progress].some((text) => text.startsWith('4,000 listed'))).to.equal(true, [...progress].join(' | '));
    expect(mostRows).to.be.greaterThan(0).and.below(300);

    const viewport = element.shadowRoot!.querySelector<HTMLElement>('[part~="viewport"]')!;
    viewport.scrollTop = viewport.scrollHeight;
    const last = await waitForRow(element, 'many/file-04999.txt');
    expect(last.getAttribute('aria-posinset')).to.equal('5000');
    expect(last.getAttribute('aria-setsize')).to.equal('5000');
    expect(renderedRows(element).length).to.be.below(300);
    expect(last.getBoundingClientRect().bottom).to.be.at.most(viewport.getBoundingClientRect().bottom + 1);
  });

  it('cancels a listing in progress and can open the folder again', async () => {
    await proxy.setLatency(300);
    const element = await mount(ownerConnection(server, { viaProxy: true }));
    rowFor(element, 'many/')!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
    await waitUntil(() => rowFor(element, 'many/')?.querySelector('[data-action="cancel"]'), 'a Cancel button on the row');
    rowFor(element, 'many/')!.querySelector<HTMLElement>('[data-action="cancel"]')!.click();
    await waitUntil(() => !rowFor(element, 'many/')!.hasAttribute('aria-busy'), 'listing stopped');
    expect(element.selectionTree.isListed('many/')).to.equal(false);
    expect(rowFor(element, 'many/')!.getAttribute('aria-expanded')).to.equal('false');
    expect(has(element, '[part~="error"]')).to.equal(false);
    await proxy.setLatency(0);
    await expandFolder(element, 'many/');
  });

  it('shows a failed folder listing on its row and above the tree, keeps the selection, and retries', async () => {
    const element = await mount(ownerConnection(server, { viaProxy: true }));
    rowFor(element, 'README.md')!.querySelector<HTMLElement>('[part~="checkbox"]')!.click();
    const before = JSON.stringify(element.selection);
    await proxy.addFault({ match: { bucket: server.corsBucket, prefix: 'data/' }, fault: 'access-denied-403', times: 1 });
    const failed = oneEvent(element, 's3-tree-error') as Promise<S3TreeErrorEvent>;
    rowFor(element, 'data/')!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
    const { detail } = await failed;
    expect(detail.folder).to.equal('data/');
    expect(detail.error.kind).to.equal('access-denied');
    await element.updateComplete;
    const row = rowFor(element, 'data/')!;
    expect(row.querySelector('[part~="status"]')!.textContent).to.contain('Access denied');
    expect(row.getAttribute('part')).to.contain('row-failed');
    const notice = shadowText(element, '[part~="notices"]');
    expect(notice).to.contain('Could not list “data/”');
    expect(notice).to.contain('s3:ListBucket');
    expect(JSON.stringify(element.selection)).to.equal(before);
    button(element, 'Retry').click();
    await waitForListing(element, 'data/');
    await waitForRow(element, 'data/meta.json');
    expect(has(element, '[part~="notices"]')).to.equal(false);
    expect(JSON.stringify(element.selection)).to.equal(before);
  });

  it('explains an unreachable endpoint in the root error panel, with Retry', async () => {
    const closed = new URL(server.endpoint);
    closed.hostname = '[::1]'; // the server listens on 127.0.0.1 only
    const errors: S3TreeErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @s3-tree-error=${(event: S3TreeErrorEvent) => errors.push(event)}>
      <s3-tree .connection=${ownerConnection(server, { endpoint: closed.origin })}></s3-tree>
    </div>`);
    const element = wrapper.querySelector('s3-tree')!;
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="error"]'), 'error panel', { timeout: 20_000 });
    expect(errors.map((event) => [event.detail.error.kind, event.detail.folder])).to.deep.equal([['unreachable', '']]);
    const panel = shadowText(element, '[part~="error"]');
    expect(panel).to.contain('Cannot reach the S3 server');
    expect(panel).to.contain('Check the endpoint address');
    expect(button(element, 'Retry').disabled).to.equal(false);
    expect(element.selection.filters).to.equal(undefined);
    await expect(element).to.be.accessible();
  });

  it('says so when it corrected the region by itself, and tells the page', async () => {
    await proxy.addFault({ match: { bucket: server.corsBucket }, fault: 'wrong-region-301', region: 'eu-central-1', times: 1 });
    const errors: S3TreeErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @s3-tree-error=${(event: S3TreeErrorEvent) => errors.push(event)}>
      <s3-tree .connection=${ownerConnection(server, { viaProxy: true })}></s3-tree>
    </div>`);
    const element = wrapper.querySelector('s3-tree')!;
    await waitForListing(element, '');
    expect(shadowText(element, '[part~="notices"]')).to.contain('is in eu-central-1, not us-east-1: listed from eu-central-1 automatically');
    expect(errors.map((event) => [event.detail.error.kind, event.detail.error.region])).to.deep.equal([['wrong-region', 'eu-central-1']]);
    // Folders opened later use the corrected region too.
    await expandFolder(element, 'data/');
  });

  it('reports an expired session token at the top, with what to do', async () => {
    await proxy.addFault({ match: { bucket: server.corsBucket }, fault: 'expired-token-400' });
    const element = await fixture<S3TreeElement>(html`<s3-tree .connection=${ownerConnection(server, { viaProxy: true })}></s3-tree>`);
    await waitUntil(() => has(element, '[part~="error"]'), 'error panel', { timeout: 20_000 });
    const panel = shadowText(element, '[part~="error"]');
    expect(panel).to.contain('The session token has expired');
    expect(panel).to.contain('Get a fresh access key, secret and session token');
    await proxy.reset();
    button(element, 'Retry').click();
    await waitForListing(element, '');
    expect(has(element, '[part~="error"]')).to.equal(false);
  });

  it('reload() lists the bucket again into a new tree', async () => {
    const element = await mount();
    rowFor(element, 'README.md')!.querySelector<HTMLElement>('[part~="checkbox"]')!.click();
    const model = element.selectionTree;
    element.reload();
    expect(element.selectionTree !== model, 'a new SelectionTree').to.equal(true);
    await waitForListing(element, '');
    expect(element.selection.stats!.files).to.equal(0);
    expect(rowsOnScreen(element).map((row) => row.dataset.path)).to.deep.equal(expectedLevel(server.objects, ''));
  });

  it('lists a public bucket anonymously', async () => {
    const element = await mount({ bucket: server.publicBucket, region: server.region, endpoint: server.endpoint, anonymous: true });
    expect(rowsOnScreen(element).map((row) => row.dataset.path)).to.deep.equal(expectedLevel(server.objects, ''));
  });

  it('refuses a bad connection at its field before any request', async () => {
    const errors: S3TreeErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @s3-tree-error=${(event: S3TreeErrorEvent) => errors.push(event)}>
      <s3-tree .connection=${ownerConnection(server, { bucket: 'Bad_Name' })}></s3-tree>
    </div>`);
    const element = wrapper.querySelector('s3-tree')!;
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="error"]'), 'error panel');
    expect(shadowText(element, '[part~="error"]')).to.contain('Check the connection settings');
    expect(shadowText(element, '[part~="error"]')).to.contain('The bucket name "Bad_Name"');
    expect(errors.map((event) => [event.detail.error.kind, event.detail.error.field])).to.deep.equal([['invalid-input', 'bucket']]);
  });
});
