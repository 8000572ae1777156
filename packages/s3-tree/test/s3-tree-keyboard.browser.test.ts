import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { S3TreeElement } from '../src/index.js';
import {
  button,
  hasRow,
  expandFolder,
  expectedLevel,
  ownerConnection,
  renderedRows,
  rowFor,
  shadowText,
  testServer,
  waitForListing,
  type S3TestServer,
} from './s3-tree-test-helpers.js';

describe('<s3-tree> keyboard and screen reader (WAI-ARIA tree view)', () => {
  let server: S3TestServer;
  before(async () => {
    server = await testServer();
  });

  async function mount(): Promise<S3TreeElement> {
    const element = await fixture<S3TreeElement>(html`<s3-tree .connection=${ownerConnection(server)}></s3-tree>`);
    await waitForListing(element, '');
    return element;
  }

  /** The focused row, checked to be the only one in the tab order. */
  function focusedRow(element: S3TreeElement): HTMLElement {
    const active = element.shadowRoot!.activeElement as HTMLElement | null;
    expect(active?.getAttribute('role'), 'a treeitem has focus').to.equal('treeitem');
    const tabbable = renderedRows(element).filter((row) => row.tabIndex === 0);
    expect(tabbable.length, 'one row in the tab order').to.equal(1);
    expect(tabbable[0] === active, 'the focused row is the tabbable one').to.equal(true);
    return active!;
  }

  async function press(element: S3TreeElement, key: string): Promise<HTMLElement> {
    await sendKeys({ press: key });
    await element.updateComplete;
    await element.updateComplete; // focus moves after the render that brought the row in
    return focusedRow(element);
  }

  const describeRow = (row: HTMLElement) =>
    [row.dataset.path, row.getAttribute('aria-level'), row.getAttribute('aria-posinset'), row.getAttribute('aria-setsize')].join(' ');

  it('moves with the arrows, opens and closes folders, ticks with Space', async () => {
    const element = await mount();
    const top = expectedLevel(server.objects, '');
    // Tab from the last toolbar button enters the tree on its first row (roving tabindex).
    button(element, 'Deselect all').focus();
    await sendKeys({ press: 'Tab' });
    expect(describeRow(focusedRow(element))).to.equal(`data/ 1 1 ${top.length}`);

    expect(describeRow(await press(element, 'ArrowDown'))).to.equal(`deep/ 1 2 ${top.length}`);
    expect(describeRow(await press(element, 'ArrowUp'))).to.equal(`data/ 1 1 ${top.length}`);

    // Right opens a closed folder (listing it), then moves to its first child.
    let row = await press(element, 'ArrowRight');
    await waitForListing(element, 'data/');
    await waitUntil(() => rowFor(element, 'data/')!.getAttribute('aria-expanded') === 'true', 'data/ open');
    expect(row.dataset.path).to.equal('data/');
    const dataLevel = expectedLevel(server.objects, 'data/');
    row = await press(element, 'ArrowRight');
    expect(describeRow(row)).to.equal(`${dataLevel[0]} 2 1 ${dataLevel.length}`);

    // Space ticks the focused row: its parent becomes mixed.
    row = await press(element, ' ');
    expect(row.getAttribute('aria-checked')).to.equal('true');
    expect(rowFor(element, 'data/')!.getAttribute('aria-checked')).to.equal('mixed');

    // Left goes to the parent, then closes it.
    row = await press(element, 'ArrowLeft');
    expect(row.dataset.path).to.equal('data/');
    row = await press(element, 'ArrowLeft');
    expect(row.getAttribute('aria-expanded')).to.equal('false');
    expect(hasRow(element, dataLevel[0])).to.equal(false);

    // Enter opens and closes folders too.
    row = await press(element, 'Enter');
    await waitUntil(() => rowFor(element, 'data/')!.getAttribute('aria-expanded') === 'true', 'data/ open again');
    row = await press(element, 'Enter');
    expect(row.getAttribute('aria-expanded')).to.equal('false');

    // Home and End jump to the ends.
    row = await press(element, 'End');
    expect(describeRow(row)).to.equal(`${top[top.length - 1]} 1 ${top.length} ${top.length}`);
    row = await press(element, 'Home');
    expect(row.dataset.path).to.equal('data/');
    // Left on a top-level row that is closed stays put.
    row = await press(element, 'ArrowLeft');
    expect(row.dataset.path).to.equal('data/');
    await expect(element).to.be.accessible();
  });

  it('keeps the focused row in the DOM and ARIA positions right under virtualization', async () => {
    const element = await mount();
    await expandFolder(element, 'many/');
    rowFor(element, 'many/')!.focus();
    // First file of many/, then the very end, then back up into the last file of many/.
    let row = await press(element, 'ArrowRight');
    expect(describeRow(row)).to.equal('many/file-00000.txt 2 1 5000');
    row = await press(element, 'End');
    row = await press(element, 'ArrowUp');
    expect(describeRow(row)).to.equal('many/file-04999.txt 2 5000 5000');
    expect(renderedRows(element).length).to.be.below(300);
    const viewport = element.shadowRoot!.querySelector<HTMLElement>('[part~="viewport"]')!;
    const box = row.getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    expect(box.top).to.be.at.least(view.top - 1);
    expect(box.bottom).to.be.at.most(view.bottom + 1);

    // Scrolled far away, the focused row stays rendered and focused.
    viewport.scrollTop = 0;
    await waitUntil(() => rowFor(element, 'many/file-00003.txt'), 'top rows rendered');
    expect(row.isConnected).to.equal(true);
    expect((element.shadowRoot!.activeElement as HTMLElement | null)?.dataset.path).to.equal('many/file-04999.txt');
    expect(element.shadowRoot!.activeElement === row, 'the same element keeps the focus').to.equal(true);
    // The next key brings it back into view.
    row = await press(element, 'ArrowUp');
    expect(describeRow(row)).to.equal('many/file-04998.txt 2 4999 5000');
    expect(row.getBoundingClientRect().bottom).to.be.at.most(viewport.getBoundingClientRect().bottom + 1);

    // PageUp moves by a screenful and Space on a row of many/ ticks it.
    const pageUp = await press(element, 'PageUp');
    expect(Number(pageUp.getAttribute('aria-posinset'))).to.be.below(4999).and.above(4980);
    await press(element, ' ');
    expect(element.selection.stats!.files).to.equal(1);
  });

  it('previews a 5,000-file selection with few DOM rows', async () => {
    const element = await mount();
    await expandFolder(element, 'many/');
    rowFor(element, 'many/')!.querySelector<HTMLElement>('[part~="checkbox"]')!.click();
    button(element, 'Preview').click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="preview"] [role="listitem"]'), 'preview rows');
    expect(shadowText(element, '.preview-summary')).to.contain('5,000 listed files');
    const list = element.shadowRoot!.querySelector<HTMLElement>('.preview-list')!;
    const items = () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="preview"] [role="listitem"]')];
    expect(items().length).to.be.below(300);
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => items().some((item) => item.getAttribute('aria-posinset') === '5000'), 'last preview row');
    const last = items().find((item) => item.getAttribute('aria-posinset') === '5000')!;
    expect(last.querySelector('.name')!.textContent).to.equal('many/file-04999.txt');
    expect(items().length).to.be.below(300);
  });
});
