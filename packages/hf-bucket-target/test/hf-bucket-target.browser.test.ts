import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HfApiError } from '@s3-to-hf/core/hf';
import { JobInputError } from '@s3-to-hf/core/job';
import { sendKeys } from '@web/test-runner-commands';
import { HfBucketTargetChangeEvent, HfBucketTargetElement, type HfBucketTargetValue } from '../src/index.js';
import {
  bucketRequests,
  byId,
  choose,
  fill,
  hub,
  hubControl,
  loadLightTheme,
  mount,
  optionLabels,
  part,
  recordingFetch,
  rejection,
  statusText,
  statusTone,
  unique,
  waitForNamespaces,
  waitForTone,
  type HubControl,
} from './bucket-target-test-helpers.js';

describe('<hf-bucket-target> against the hub emulator', () => {
  let control: HubControl;
  before(async () => {
    control = await hubControl();
  });
  beforeEach(() => control.reset());

  it('is registered and typed, with the class and event exported', () => {
    expect(customElements.get('hf-bucket-target')).to.equal(HfBucketTargetElement);
    expect(document.createElement('hf-bucket-target')).to.be.instanceOf(HfBucketTargetElement);
    const event = new HfBucketTargetChangeEvent({} as HfBucketTargetValue);
    expect([event.type, event.bubbles, event.composed]).to.deep.equal(['hf-bucket-target-change', true, true]);
  });

  describe('namespaces', () => {
    it('offers the user and their orgs from whoami, marking the org where the token cannot write', async () => {
      const element = await mount({ token: hub().tokens.write });
      const change = oneEvent(element, 'hf-bucket-target-change');
      await waitForNamespaces(element);
      expect(optionLabels(element)).to.deep.equal(['alice (you)', 'acme', 'readonly-org (read-only)']);
      expect(part<HTMLSelectElement>(element, 'namespace').querySelector('optgroup')!.label).to.equal('Organizations');
      // Nothing chosen yet: the signed-in user is the default.
      expect((await change).detail.namespace).to.equal('alice');
      expect(element.namespace).to.equal('alice');
    });

    it('explains why nothing can be written in the read-only org, at the namespace field', async () => {
      const element = await mount({ token: hub().tokens.write, bucket: unique('data') });
      await waitForNamespaces(element);
      await choose(element, 'readonly-org');
      await waitForTone(element, 'error');
      expect(statusText(element)).to.match(/No write access in readonly-org.*"read" role in "readonly-org".*Ask an admin/);
      const select = part<HTMLSelectElement>(element, 'namespace');
      expect(select.getAttribute('aria-invalid')).to.equal('true');
      expect(select.getAttribute('aria-describedby')!.split(' ')).to.include('status');
      expect(element.value.valid).to.equal(false);
    });

    it('keeps the namespace given as an attribute and takes namespace/bucket from the bucket field', async () => {
      const element = await mount({ token: hub().tokens.write, namespace: 'acme' });
      await waitForNamespaces(element);
      expect(part<HTMLSelectElement>(element, 'namespace').value).to.equal('acme');
      const change = oneEvent(element, 'hf-bucket-target-change');
      await fill(element, 'bucket', 'alice/photos');
      expect((await change).detail).to.include({ namespace: 'alice', bucket: 'photos' });
      // Leaving the field moves the namespace to the chooser, where it can be seen and changed.
      expect(part<HTMLInputElement>(element, 'bucket').value).to.equal('photos');
      expect(part<HTMLSelectElement>(element, 'namespace').value).to.equal('alice');
      expect(element.namespace).to.equal('alice');
    });

    it('says to sign in again when the token has expired (401)', async () => {
      const element = await mount({ token: hub().tokens.expired, bucket: unique('data') });
      await waitForTone(element, 'error');
      expect(statusText(element)).to.match(/^Sign in again.*did not accept the access token.*Sign in again/);
      expect(element.value).to.include({ valid: false, exists: undefined });
      expect(statusText(element)).not.to.contain(hub().tokens.expired);
    });
  });

  describe('validation', () => {
    const invalidBuckets: Array<[string, RegExp]> = [
      ['my bucket', /may only contain letters, digits/],
      ['data--set', /must not contain "--" or "\.\."/],
      ['-data', /must start and end with a letter, a digit or '_'/],
      ['data.', /must start and end/],
      ['x'.repeat(97), /97 characters long; the Hub allows at most 96/],
      ['a/b/c', /more than one '\/'/],
      ['/data', /Write the namespace before the '\/'/],
    ];
    const invalidPrefixes: Array<[string, RegExp]> = [
      ['/raw', /must not start with '\/'/],
      ['raw//2024', /contains "\/\/"/],
      ['raw/../up', /"\." or "\.\." folder/],
      ['raw\\2024', /backslash/],
      ['raw\u0000', /NUL character/],
    ];

    it('refuses invalid names and folders at the field, with the reason, and sends nothing', async () => {
      const { fetch, requests } = recordingFetch();
      const element = await mount({ token: hub().tokens.write, fetch });
      await waitForNamespaces(element);
      const before = requests.length;
      const input = part<HTMLInputElement>(element, 'bucket');

      for (const [name, reason] of invalidBuckets) {
        await fill(element, 'bucket', name);
        expect(input.getAttribute('aria-invalid'), name).to.equal('true');
        const describedBy = input.getAttribute('aria-describedby')!.split(' ');
        expect(byId(element, describedBy[0]!).textContent).to.match(reason);
        expect(byId(element, describedBy[0]!).className).to.equal('field-error');
        expect(statusTone(element), name).to.equal('none');
        expect(element.value.valid).to.equal(false);
        const error = await rejection(element.ensureBucket());
        expect(error).to.be.instanceOf(JobInputError);
        expect((error as JobInputError).field).to.equal('destination.bucket');
        expect((error as JobInputError).message).to.match(reason);
      }

      await fill(element, 'bucket', 'fine-name');
      await waitForTone(element, 'info');
      const prefixInput = part<HTMLInputElement>(element, 'prefix');
      for (const [prefix, reason] of invalidPrefixes) {
        await fill(element, 'prefix', prefix);
        expect(prefixInput.getAttribute('aria-invalid'), prefix).to.equal('true');
        expect(byId(element, prefixInput.getAttribute('aria-describedby')!).textContent).to.match(reason);
        expect(element.value).to.include({ valid: false, prefix });
        const error = await rejection(element.ensureBucket());
        expect((error as JobInputError).field).to.equal('destination.prefix');
      }
      // What was typed survives the error.
      expect(prefixInput.value).to.equal('raw\u0000');

      expect(bucketRequests(requests.slice(before)).filter((request) => request.method !== 'GET')).to.deep.equal([]);
      expect(bucketRequests(requests.slice(before)).map((request) => request.path)).to.deep.equal(['/api/buckets/alice/fine-name']);
    });

    it('marks a preset invalid value at once, and only shows an error for a new field once it is left', async () => {
      const preset = await mount({ token: hub().tokens.write, bucket: 'bad name' });
      expect(part(preset, 'bucket').getAttribute('aria-invalid')).to.equal('true');

      const element = await mount({ token: hub().tokens.write });
      const input = part<HTMLInputElement>(element, 'bucket');
      input.value = 'half-';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await element.updateComplete;
      // Typing "my-" on the way to "my-data" is not an error yet.
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(element.value.valid).to.equal(false);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await element.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
    });

    it('normalises the folder to end with "/" when it is left', async () => {
      const element = await mount({ token: hub().tokens.write, bucket: unique('data') });
      const change = oneEvent(element, 'hf-bucket-target-change');
      await fill(element, 'prefix', 'raw/2024');
      expect((await change).detail.prefix).to.equal('raw/2024/');
      expect(part<HTMLInputElement>(element, 'prefix').value).to.equal('raw/2024/');
    });
  });

  describe('existence', () => {
    it('shows an existing bucket, its visibility, where the files go, and links to it', async () => {
      const name = unique('existing');
      await control.createBucket(`acme/${name}`, { private: true });
      const element = await mount({ token: hub().tokens.write, namespace: 'acme', bucket: name, prefix: 'raw/2024' });
      const change = oneEvent(element, 'hf-bucket-target-change');
      await waitForTone(element, 'success');
      expect(statusText(element)).to.match(new RegExp(`^acme/${name} exists \\(private\\)\\s*Files will be added under raw/2024/ View on Hugging Face`));
      expect(part<HTMLAnchorElement>(element, 'link').href).to.equal(`${hub().url}/buckets/acme/${name}`);
      const expected: HfBucketTargetValue = {
        namespace: 'acme',
        bucket: name,
        prefix: 'raw/2024/',
        private: true,
        createIfMissing: true,
        exists: true,
        valid: true,
      };
      expect(element.value).to.deep.equal(expected);
      expect((await change).detail).to.deep.equal(expected);
    });

    it('says a missing bucket will be created; ensureBucket() creates it, and again is a 409 that is fine', async () => {
      const name = unique('fresh');
      const { fetch, requests } = recordingFetch();
      const element = await mount({ token: hub().tokens.write, bucket: name, isPrivate: true, fetch });
      await waitForTone(element, 'info');
      expect(statusText(element)).to.match(new RegExp(`^alice/${name} will be created \\(private\\)\\s*It does not exist yet\\. Files will be added at the top of the bucket\\.`));
      expect(element.value).to.include({ exists: false, valid: true, createIfMissing: true });
      expect(() => part(element, 'link')).to.throw(/no part/);

      const created = await element.ensureBucket();
      expect(created).to.deep.equal({ id: `alice/${name}`, created: true });
      expect([...(await control.buckets()).keys()]).to.include(`alice/${name}`);
      await element.updateComplete;
      expect(statusText(element)).to.match(new RegExp(`^Created alice/${name} \\(private\\)`));
      expect(element.value).to.include({ exists: true, private: true });

      const again = await element.ensureBucket();
      expect(again).to.deep.equal({ id: `alice/${name}`, created: false });
      const posts = requests.filter((request) => request.method === 'POST');
      expect(posts.map((request) => request.status)).to.deep.equal([200, 409]);
      await element.updateComplete;
      expect(statusText(element)).to.match(new RegExp(`^alice/${name} exists \\(private\\)`));
      expect(element.value).to.include({ exists: true, valid: true });
    });

    it('with no-create, says the bucket does not exist and refuses to create it', async () => {
      const name = unique('absent');
      const element = await mount({ token: hub().tokens.write, bucket: name, noCreate: true });
      await waitForTone(element, 'warning');
      expect(statusText(element)).to.match(/does not exist\s*“Create if missing” is off/);
      expect(element.value).to.include({ exists: false, valid: false, createIfMissing: false });
      const error = await rejection(element.ensureBucket());
      expect(error).to.be.instanceOf(HfApiError);
      expect((error as HfApiError).kind).to.equal('not-found');
      expect((await control.buckets()).has(`alice/${name}`)).to.equal(false);

      // Turning it back on is enough: the same bucket is now one that will be created.
      part<HTMLInputElement>(element, 'create-toggle').click();
      await element.updateComplete;
      expect(element.value).to.include({ exists: false, valid: true, createIfMissing: true });
      expect(statusTone(element)).to.equal('info');
    });

    it('explains a 403 from a read-only token, before and after trying to create', async () => {
      const element = await mount({ token: hub().tokens.read, bucket: unique('data') });
      await waitForTone(element, 'error');
      expect(statusText(element)).to.match(/No write access in alice.*token has the "read" role.*"write" role/);
      const error = await rejection(element.ensureBucket());
      expect((error as HfApiError).kind).to.equal('forbidden');
      await element.updateComplete;
      expect(statusText(element)).to.match(/token has the "read" role.*HTTP 403: .*"read" role/);
      expect(element.value.valid).to.equal(false);
    });

    it("explains a 403 for a token that may write in acme only, in alice's namespace", async () => {
      const name = unique('data');
      const element = await mount({ token: hub().tokens.orgWrite, bucket: name });
      await waitForTone(element, 'error');
      expect(statusText(element)).to.match(/No write access in alice.*fine-grained token has no write access in "alice"/);
      const error = await rejection(element.ensureBucket());
      expect((error as HfApiError).statusCode).to.equal(403);
      await element.updateComplete;
      expect(statusText(element)).to.match(/fine-grained token.*HTTP 403: .*lacks the "repo\.write" permission/);

      // The same name in acme works with this token.
      await choose(element, 'acme');
      await waitForTone(element, 'info');
      expect(await element.ensureBucket()).to.deep.equal({ id: `acme/${name}`, created: true });
    });

    it('ignores a stale answer and aborts the request it no longer needs', async () => {
      const slowName = unique('slow');
      let releaseSlow!: () => void;
      const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
      let slowSeen!: (signal: AbortSignal | undefined) => void;
      const slowStarted = new Promise<AbortSignal | undefined>((resolve) => (slowSeen = resolve));
      let slowAnswered!: () => void;
      const slowDone = new Promise<void>((resolve) => (slowAnswered = resolve));
      await control.createBucket(`alice/${slowName}`);
      // Holds the answer about the slow bucket, and hands it over even after an abort, as a
      // server that ignores cancellation would; the element must drop it.
      const holdingFetch: typeof fetch = async (input, init) => {
        const url = String(input);
        if (!url.includes(`/api/buckets/alice/${slowName}`)) return fetch(input, init);
        slowSeen(init?.signal ?? undefined);
        const response = await fetch(input, { ...init, signal: undefined });
        await slowReleased;
        const body = await response.text();
        // Signals once the element has read the answer (getBucket reads it with json()).
        return new (class extends Response {
          override async json(): Promise<unknown> {
            const data: unknown = await super.json();
            slowAnswered();
            return data;
          }
        })(body, { status: response.status, headers: response.headers });
      };
      const element = await mount({ token: hub().tokens.write, fetch: holdingFetch });
      await fill(element, 'bucket', slowName);
      const slowSignal = await slowStarted;
      expect(statusTone(element)).to.equal('busy');

      const fastName = unique('fast');
      await fill(element, 'bucket', fastName);
      await waitForTone(element, 'info');
      expect(slowSignal?.aborted).to.equal(true);

      releaseSlow();
      await slowDone;
      // The next task: every microtask (the rest of the element's handling of the answer) has run.
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(statusText(element)).to.match(new RegExp(`^alice/${fastName} will be created`));
      expect(element.value).to.include({ bucket: fastName, exists: false });
    });
  });

  describe('recovering', () => {
    it('offers to check again after a server error, keeping what was typed', async () => {
      const name = unique('flaky');
      await control.createBucket(`alice/${name}`);
      await control.fault({ route: 'GET /api/buckets/:ns/:name', status: 500, times: 1 });
      const element = await mount({ token: hub().tokens.write, bucket: name, prefix: 'keep/' });
      await waitForTone(element, 'error');
      expect(statusText(element)).to.match(/^Hugging Face had a problem.*server error.*Try again in a few minutes.*HTTP 500/);
      expect(element.value).to.include({ exists: undefined, valid: true });
      const retry = [...part(element, 'status').querySelectorAll('button')].find((button) => button.textContent === 'Check again')!;
      retry.click();
      await waitForTone(element, 'success');
      expect(element.value).to.include({ bucket: name, prefix: 'keep/', exists: true });
    });

    it('says at the namespace field when whoami fails, and lists the namespaces on "Try again"', async () => {
      await control.fault({ route: 'GET /api/whoami-v2', status: 503, times: 1 });
      const element = await mount({ token: hub().tokens.write });
      const message = () => byId(element, 'namespace-message');
      await waitUntil(() => message().className === 'field-error', 'the whoami failure should be shown', { timeout: 5000 });
      expect(message().textContent).to.match(/Could not check which account is signed in.*You can still type namespace\/bucket/);
      message().querySelector('button')!.click();
      await waitForNamespaces(element);
      expect(element.namespace).to.equal('alice');
    });

    it('starts over when the token changes', async () => {
      const name = unique('swap');
      const element = await mount({ token: hub().tokens.read, bucket: name });
      await waitForTone(element, 'error');
      element.accessToken = hub().tokens.write;
      await waitForTone(element, 'info');
      expect(element.value).to.include({ exists: false, valid: true });
      expect(optionLabels(element)).to.include('alice (you)');
    });

    it('stops its requests when detached and checks again when attached', async () => {
      const name = unique('detach');
      const signals: AbortSignal[] = [];
      // The first check never gets an answer: only its abort can end it.
      const fetchWithStall: typeof fetch = (input, init) => {
        if (!String(input).includes(`/api/buckets/alice/${name}`)) return fetch(input, init);
        signals.push(init!.signal!);
        if (signals.length > 1) return fetch(input, init);
        return new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
      };
      const element = await mount({ token: hub().tokens.write, bucket: name, fetch: fetchWithStall });
      await waitUntil(() => signals.length === 1, 'the check should start', { timeout: 5000 });
      const parent = element.parentElement!;
      element.remove();
      expect(signals[0]!.aborted).to.equal(true);
      await control.createBucket(`alice/${name}`);
      parent.append(element);
      await waitForTone(element, 'success');
      expect(signals).to.have.length(2);
    });
  });

  describe('the change event', () => {
    it('carries the value, for every user edit', async () => {
      const name = unique('events');
      await control.createBucket(`alice/${name}`);
      const element = await mount({ token: hub().tokens.write, bucket: name });
      await waitForTone(element, 'success');
      const details: HfBucketTargetValue[] = [];
      element.addEventListener('hf-bucket-target-change', (event) => details.push(event.detail));

      part<HTMLInputElement>(element, 'private-toggle').click();
      await element.updateComplete;
      part<HTMLInputElement>(element, 'create-toggle').click();
      await element.updateComplete;
      await fill(element, 'prefix', 'in');
      // An existing bucket keeps its own (public) visibility whatever the toggle says.
      expect(details).to.deep.equal([
        { namespace: 'alice', bucket: name, prefix: '', private: false, createIfMissing: false, exists: true, valid: true },
        { namespace: 'alice', bucket: name, prefix: 'in/', private: false, createIfMissing: false, exists: true, valid: true },
      ]);
      expect(element.private).to.equal(true);
      expect(element.hasAttribute('no-create')).to.equal(true);
    });
  });

  describe('keyboard and accessibility', () => {
    it('is usable with the keyboard alone', async () => {
      const name = unique('keys');
      const element = await mount({ token: hub().tokens.write });
      await waitForNamespaces(element);
      const focused = () => element.shadowRoot!.activeElement as HTMLElement | null;

      part(element, 'namespace').focus();
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(element.namespace).to.equal('acme');
      await sendKeys({ press: 'Tab' });
      expect(focused()?.getAttribute('part')).to.equal('bucket');
      await sendKeys({ type: name });
      await sendKeys({ press: 'Tab' });
      expect(focused()?.getAttribute('part')).to.equal('prefix');
      await sendKeys({ type: 'raw' });
      await sendKeys({ press: 'Tab' });
      expect(part<HTMLInputElement>(element, 'prefix').value).to.equal('raw/');
      expect(focused()?.getAttribute('part')).to.equal('create-toggle');
      await sendKeys({ press: 'Tab' });
      expect(focused()?.getAttribute('part')).to.equal('private-toggle');
      await sendKeys({ press: 'Space' });
      await waitForTone(element, 'info');
      expect(element.value).to.deep.equal({
        namespace: 'acme',
        bucket: name,
        prefix: 'raw/',
        private: true,
        createIfMissing: true,
        exists: false,
        valid: true,
      });
      expect(statusText(element)).to.contain(`acme/${name} will be created (private)`);
    });

    it('passes axe in its main states', async () => {
      const existing = unique('a11y');
      await control.createBucket(`alice/${existing}`);
      const ok = await mount({ token: hub().tokens.write, bucket: existing, prefix: 'x/' });
      await waitForTone(ok, 'success');
      await expect(ok).to.be.accessible();

      const invalid = await mount({ token: hub().tokens.write, bucket: 'bad name', prefix: '/abs' });
      await waitForNamespaces(invalid);
      await expect(invalid).to.be.accessible();

      const forbidden = await mount({ token: hub().tokens.read, bucket: existing });
      await waitForTone(forbidden, 'error');
      await expect(forbidden).to.be.accessible();

      const signedOut = await mount({ bucket: existing });
      expect(statusText(signedOut)).to.match(/Not signed in/);
      await expect(signedOut).to.be.accessible();
    });

    it('passes axe in the light theme too', async () => {
      await loadLightTheme();
      const wrapper = await fixture<HTMLDivElement>(html`<div class="s3hf-light" style="background: #fff">
        <hf-bucket-target hub-url=${hub().url} bucket="bad name" .accessToken=${hub().tokens.orgWrite}></hf-bucket-target>
        <hf-bucket-target hub-url=${hub().url} bucket=${unique('light')} .accessToken=${hub().tokens.write}></hf-bucket-target>
      </div>`);
      const [invalid, fresh] = [...wrapper.querySelectorAll('hf-bucket-target')];
      await waitForTone(fresh!, 'info');
      await choose(invalid!, 'alice');
      await fill(invalid!, 'bucket', 'ok-name');
      await waitForTone(invalid!, 'error');
      await fill(invalid!, 'prefix', 'a\\b');
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('secrets and storage', () => {
    it('never puts the token in the DOM or in browser storage', async () => {
      const token = hub().tokens.write;
      const name = unique('secret');
      const element = await mount({ token, bucket: name });
      await waitForTone(element, 'info');
      await element.ensureBucket();
      await element.updateComplete;
      expect(element.outerHTML).not.to.contain(token);
      expect(element.shadowRoot!.innerHTML).not.to.contain(token);
      expect([...element.attributes].map((attribute) => attribute.name)).not.to.include('access-token');
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      expect(document.cookie).to.equal('');
      expect(await indexedDB.databases()).to.deep.equal([]);
    });
  });

  describe('theming', () => {
    it('takes its colours from the shared tokens and its own custom properties, and exposes parts', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <style>
          .themed hf-bucket-target::part(status) {
            outline: 3px solid rgb(1, 2, 3);
          }
        </style>
        <div class="themed" style="--s3hf-color-border: rgb(9, 9, 9)">
          <hf-bucket-target style="--hf-bucket-target-background: rgb(4, 5, 6)" bucket="x"></hf-bucket-target>
        </div>
      </div>`);
      const element = wrapper.querySelector('hf-bucket-target')!;
      await element.updateComplete;
      const base = getComputedStyle(part(element, 'base'));
      expect(base.backgroundColor).to.equal('rgb(4, 5, 6)');
      expect(base.borderTopColor).to.equal('rgb(9, 9, 9)');
      expect(getComputedStyle(part(element, 'status')).outlineColor).to.equal('rgb(1, 2, 3)');
    });
  });
});
