import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles, spinnerStyles } from '@s3-to-hf/ui';
import type { S3Connection } from '@s3-to-hf/core';
import type { HfBucketTargetChangeEvent, HfBucketTargetElement, HfBucketTargetValue } from '@s3-to-hf/hf-bucket-target';
import type { HfImportJobCreatedEvent, HfImportJobElement, HfImportJobFinishedEvent, HfImportJobStatusEvent } from '@s3-to-hf/hf-import-job';
import type { S3TreeErrorEvent, S3TreeSelection, S3TreeSelectionChangeEvent } from '@s3-to-hf/s3-tree';
import type { PageConfig } from '../config/page-config.js';
import { loadElements } from '../elements/load-elements.js';
import { suggestBucketName } from '../elements/suggest-bucket-name.js';
import { importEntry, type ImportEntry } from '../imports/import-entry.js';
import { ImportsController } from '../imports/imports-controller.js';
import type { ConnectionPolicyControl } from '../net/install-fetch-guard.js';
import { formFieldForS3Error } from '../s3/s3-error-field.js';
import { EMPTY_S3_FORM, connectionFromForm, type S3FormErrors, type S3FormField, type S3FormValues } from '../s3/s3-form.js';
import { finishOAuthSignIn, hasOAuthAnswer, startOAuthSignIn } from '../session/oauth-flow.js';
import type { AccountStanding } from '../session/account-standing.js';
import type { PageSession } from '../session/page-session.js';
import { readAccountStanding, signInWithToken } from '../session/token-session.js';
import { importerAppStyles } from './importer-app.styles.js';
import { isJobGoing, nextJobUpdate, type JobUpdate } from './job-update.js';
import { jobStatus, selectionStatus } from './step-status.js';
import { connectView } from './views/connect-view.js';
import type { ElementsState } from './views/elements-pending.js';
import { headerView } from './views/header-view.js';
import { importView } from './views/import-view.js';
import { importsView } from './views/imports-view.js';
import { selectView } from './views/select-view.js';
import { signInView } from './views/sign-in-view.js';
import { stepCard } from './views/step-card.js';
import { messageOf } from '@s3-to-hf/core/format';

const FIELD_ORDER: S3FormField[] = ['bucket', 'region', 'endpoint', 'prefix', 'accessKeyId', 'secretAccessKey', 'sessionToken'];
const SECRET_FIELDS = { accessKeyId: '', secretAccessKey: '', sessionToken: '' } as const;
// setTimeout's longest delay; later expiries are re-armed when it fires.
const MAX_TIMER_MS = 2 ** 31 - 1;


type ImportJobEvent = HfImportJobCreatedEvent | HfImportJobStatusEvent | HfImportJobFinishedEvent;

/** The import followed in the "Your imports" card. */
interface FollowedImport {
  id: string;
  namespace: string;
  jobId: string;
}

/**
 * The importer page: sign in, connect S3, choose what to copy, choose the destination and run the
 * import. Everything it knows (token, keys, selection) lives in this element's memory only.
 */
export class ImporterAppElement extends LitElement {
  static override styles = [baseStyles, spinnerStyles, importerAppStyles];

  static define(tag = 's3hf-importer-app', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Hub, sign-in method and Space settings (see readPageConfig). */
  @property({ attribute: false }) config!: PageConfig;
  /** Lets the page's fetch guard through to the S3 endpoint the user connects. */
  @property({ attribute: false }) connectionPolicy?: ConnectionPolicyControl;
  /** Whether the page runs inside another page's frame (the Space page embeds static Spaces). */
  @property({ attribute: false }) framed = false;

  @state() private session?: PageSession;
  @state() private signInBusy = false;
  @state() private completingSignIn = false;
  @state() private token = '';
  @state() private tokenError?: string;
  @state() private oauthError?: string;
  @state() private signInNotice?: string;
  @state() private s3Values: S3FormValues = EMPTY_S3_FORM;
  @state() private s3Errors: S3FormErrors = {};
  @state() private connection?: S3Connection;
  @state() private connectedValues?: S3FormValues;
  @state() private editingS3 = false;
  @state() private selection?: S3TreeSelection;
  @state() private target?: HfBucketTargetValue;
  /** The Job step 4 launched, as its events tell. */
  @state() private job?: JobUpdate;
  @state() private now = new Date();
  @state() private avatarFailed = false;
  @state() private account?: AccountStanding;
  @state() private elements: ElementsState = 'loading';
  @state() private followed?: FollowedImport;
  /** The Job followed in "Your imports", as its events tell. */
  @state() private followedJob?: JobUpdate;
  @state() private showAllImports = false;

  private readonly imports = new ImportsController(this);

  private signInAbort?: AbortController;
  private expiryTimer?: ReturnType<typeof setTimeout>;
  private clockTimer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // Keeps "access for 7 h 59 min" current; minute precision is all it shows.
    this.clockTimer = setInterval(() => (this.now = new Date()), 60_000);
    void this.finishOAuth();
    void this.loadElementsAfterFirstRender();
  }

  /** The first screen needs none of the elements: fetch their chunk once it is on screen. */
  private async loadElementsAfterFirstRender(): Promise<void> {
    await this.updateComplete;
    this.elements = 'loading';
    try {
      await loadElements();
      this.elements = 'ready';
    } catch {
      this.elements = 'failed';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clockTimer);
    clearTimeout(this.expiryTimer);
    this.signInAbort?.abort();
  }

  private async finishOAuth(): Promise<void> {
    if (!hasOAuthAnswer(location.href)) return;
    this.signInBusy = true;
    this.completingSignIn = true;
    try {
      const session = await finishOAuthSignIn(this.config.hubUrl);
      if (session) this.signIn(session);
    } catch (error) {
      this.oauthError = messageOf(error);
    } finally {
      this.signInBusy = false;
      this.completingSignIn = false;
    }
  }

  private async beginOAuth(): Promise<void> {
    const { oauth, hubUrl } = this.config;
    if (!oauth) return;
    this.signInBusy = true;
    this.oauthError = undefined;
    try {
      await startOAuthSignIn({ hubUrl, clientId: oauth.clientId, scopes: oauth.scopes });
      // The browser is leaving for the consent page; the button stays busy until it does.
    } catch (error) {
      this.oauthError = messageOf(error);
      this.signInBusy = false;
    }
  }

  private async submitToken(): Promise<void> {
    this.signInAbort?.abort();
    const abort = new AbortController();
    this.signInAbort = abort;
    this.signInBusy = true;
    this.tokenError = undefined;
    try {
      const session = await signInWithToken({ token: this.token, hubUrl: this.config.hubUrl, signal: abort.signal });
      if (!abort.signal.aborted) this.signIn(session);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.tokenError = messageOf(error);
      await this.focusAfterUpdate('#hf-token');
    } finally {
      if (this.signInAbort === abort) this.signInBusy = false;
    }
  }

  private signIn(session: PageSession): void {
    this.session = session;
    this.account = session.account;
    this.followed = undefined;
    this.followedJob = undefined;
    this.showAllImports = false;
    this.imports.follow(session, this.config.hubUrl);
    if (!session.account) void this.loadAccountStanding(session);
    this.token = '';
    this.tokenError = undefined;
    this.oauthError = undefined;
    this.signInNotice = undefined;
    this.avatarFailed = false;
    this.now = new Date();
    this.scheduleExpiry(session);
    void this.focusAfterUpdate('#s3-bucket');
  }

  private async loadAccountStanding(session: PageSession): Promise<void> {
    const account = await readAccountStanding({ accessToken: session.accessToken, hubUrl: this.config.hubUrl });
    if (this.session === session) this.account = account;
  }

  /** Whether an import Job is known to be running (so an expired sign-in must not sound like it stopped). */
  private importGoing(): boolean {
    return isJobGoing(this.job) || isJobGoing(this.followedJob) || this.imports.imports.some(({ record }) => record.active);
  }

  private scheduleExpiry(session: PageSession): void {
    clearTimeout(this.expiryTimer);
    const { expiresAt } = session;
    if (!expiresAt) return;
    const check = () => {
      if (this.session !== session) return;
      const left = expiresAt.getTime() - Date.now();
      if (left > 0) {
        this.expiryTimer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
        return;
      }
      const at = expiresAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      // The Job does not depend on this page: it goes on, and the list finds it after the next sign-in.
      this.signOut(
        this.importGoing()
          ? `Your Hugging Face sign-in expired at ${at}. Your import keeps running on Hugging Face: sign in again, then follow it from “Your imports”.`
          : `Your Hugging Face sign-in expired at ${at}. Sign in again to continue.`,
      );
    };
    check();
  }

  /** Forgets the token and the S3 keys (the rest of the form stays for the next sign-in). */
  private signOut(notice?: string): void {
    this.signInAbort?.abort();
    clearTimeout(this.expiryTimer);
    this.connectionPolicy?.forbidS3();
    this.session = undefined;
    this.token = '';
    this.tokenError = undefined;
    this.signInNotice = notice;
    this.s3Values = { ...this.s3Values, ...SECRET_FIELDS };
    this.s3Errors = {};
    this.connection = undefined;
    this.connectedValues = undefined;
    this.editingS3 = false;
    this.selection = undefined;
    this.target = undefined;
    this.job = undefined;
    this.account = undefined;
    this.followed = undefined;
    this.followedJob = undefined;
    this.imports.forget();
    void this.focusAfterUpdate(this.config.oauth ? '.hf-sign-in' : '#hf-token');
  }

  private updateS3Field(field: keyof S3FormValues, value: string | boolean): void {
    this.s3Values = { ...this.s3Values, [field]: value };
    if (field !== 'anonymous' && this.s3Errors[field]) {
      const { [field]: _fixed, ...rest } = this.s3Errors;
      this.s3Errors = rest;
    }
  }

  private submitS3(): void {
    const { values, connection, errors } = connectionFromForm(this.s3Values);
    this.s3Values = values;
    this.s3Errors = errors;
    if (!connection) {
      const first = FIELD_ORDER.find((field) => errors[field]);
      if (first) void this.focusAfterUpdate(`#s3-${first}`);
      return;
    }
    this.connectionPolicy?.allowS3(connection.endpoint);
    this.connection = connection;
    this.connectedValues = values;
    this.editingS3 = false;
    this.selection = undefined;
  }

  private readonly onTreeSelectionChange = (event: S3TreeSelectionChangeEvent): void => {
    this.selection = event.detail;
  };

  private readonly onTreeError = (event: S3TreeErrorEvent): void => {
    const { error, folder } = event.detail;
    // Failures inside a sub-folder stay in the tree, next to that folder; a CORS block too (the
    // tree shows the rule to paste and switches to patterns).
    if (folder !== '' || !this.connection) return;
    const field = formFieldForS3Error(error, {
      hasEndpoint: this.connection.endpoint !== undefined,
      hasSessionToken: this.connection.credentials?.sessionToken !== undefined,
    });
    if (!field) return;
    this.s3Errors = { [field]: error.message };
    this.editingS3 = true;
    void this.focusAfterUpdate(`#s3-${field}`);
  };

  private readonly onTargetChange = (event: HfBucketTargetChangeEvent): void => {
    this.target = event.detail;
  };

  private readonly onJobEvent = (event: ImportJobEvent): void => {
    this.job = nextJobUpdate(this.job, event.detail);
    if (event.type !== 'hf-import-job-status') void this.imports.refresh();
    if (event.type === 'hf-import-job-created') {
      // The launch created a missing bucket without the destination picker knowing: let it find the
      // bucket (a 409 from the create it tries means "exists"), so it stops saying "will be created".
      void this.renderRoot.querySelector<HfBucketTargetElement>('hf-bucket-target')?.ensureBucket().catch(() => undefined);
    }
  };

  private readonly onFollowedEvent = (event: ImportJobEvent): void => {
    this.followedJob = nextJobUpdate(this.followedJob, event.detail);
    if (event.type !== 'hf-import-job-status') void this.imports.refresh();
  };

  private readonly retryElements = (): void => void this.loadElementsAfterFirstRender();

  /**
   * Follows an import of the list in the card's own `<hf-import-job>`: a single Job by its id, a
   * sharded import by its group (nothing stored: both come from the Hub's Job list).
   */
  private async followImport(entry: ImportEntry): Promise<void> {
    const jobId = entry.record.jobs[0]?.id;
    if (!jobId) return;
    this.followed = { id: entry.id, namespace: entry.namespace, jobId };
    this.followedJob = undefined;
    await this.updateComplete;
    const element = this.renderRoot.querySelector<HfImportJobElement>('#followed-import-job');
    const { namespace } = entry;
    await element?.attach(entry.record.shardCount > 1 ? { namespace, importGroup: entry.id } : { namespace, jobId });
    element?.scrollIntoView({ block: 'nearest' });
  }

  private closeFollowed(): void {
    this.followed = undefined;
    this.followedJob = undefined;
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private hubBanner(): TemplateResult | typeof nothing {
    const { hubUrl, hubIsDefault, hubUrlProblem } = this.config;
    if (hubUrlProblem) {
      return html`<p class="notice error banner" role="alert">${hubUrlProblem} Sign-in is off until the address is fixed.</p>`;
    }
    if (hubIsDefault) return nothing;
    return html`<p class="notice warning banner">
      This importer talks to the hub at <strong>${hubUrl}</strong>, not huggingface.co: your sign-in and token go there. Continue only if you trust it.
    </p>`;
  }

  private locked(text: string): TemplateResult {
    return html`<p class="locked-hint">${text}</p>`;
  }

  private renderImports(session: PageSession): TemplateResult | typeof nothing {
    const entries = this.imports.imports.map(({ namespace, record }) => importEntry(record, { namespace, now: this.now }));
    return importsView({
      session,
      hubUrl: this.config.hubUrl,
      entries,
      loading: this.imports.loading,
      problem: this.imports.problem,
      showAll: this.showAllImports,
      elements: this.elements,
      followedId: this.followed?.id,
      stepJobId: this.connection ? this.job?.jobId : undefined,
      onRefresh: () => void this.imports.refresh(),
      onShowAll: () => (this.showAllImports = true),
      onFollow: (entry) => void this.followImport(entry),
      onShowStep: () => this.renderRoot.querySelector('#step-import')?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
      onCloseFollowed: () => this.closeFollowed(),
      onFollowedEvent: this.onFollowedEvent,
    });
  }

  override render(): TemplateResult {
    const { config, session } = this;
    const connection = session && !this.editingS3 ? this.connection : undefined;
    return html`
      ${headerView({
        session,
        account: this.account,
        avatarFailed: this.avatarFailed,
        onAvatarError: () => (this.avatarFailed = true),
        onSignOut: () => this.signOut(),
      })}
      ${this.hubBanner()}
      ${session ? this.renderImports(session) : nothing}
      <ol class="steps">
        ${stepCard({
          id: 'step-sign-in',
          number: 1,
          title: 'Sign in',
          state: session ? 'done' : 'current',
          body: signInView({
            config,
            session,
            account: this.account,
            busy: this.signInBusy,
            completing: this.completingSignIn,
            token: this.token,
            tokenError: this.tokenError,
            oauthError: this.oauthError,
            notice: this.signInNotice,
            framed: this.framed,
            now: this.now,
            onTokenInput: (value) => {
              this.token = value;
              this.tokenError = undefined;
            },
            onTokenSubmit: () => void this.submitToken(),
            onOAuthSignIn: () => void this.beginOAuth(),
          }),
        })}
        ${stepCard({
          id: 'step-connect',
          number: 2,
          title: 'Connect S3',
          state: !session ? 'locked' : connection ? 'done' : 'current',
          status: session ? undefined : 'Sign in first',
          body: session
            ? connectView({
                values: this.s3Values,
                errors: this.s3Errors,
                connection: this.connection,
                editing: this.editingS3,
                onInput: (field, value) => this.updateS3Field(field, value),
                onSubmit: () => this.submitS3(),
                onEdit: () => {
                  this.editingS3 = true;
                  void this.focusAfterUpdate('#s3-bucket');
                },
                onCancelEdit: () => {
                  this.editingS3 = false;
                  this.s3Errors = {};
                  if (this.connectedValues) this.s3Values = this.connectedValues;
                },
              })
            : this.locked('Give the bucket to read from, with access keys or as a public bucket.'),
        })}
        ${stepCard({
          id: 'step-select',
          number: 3,
          title: 'Choose what to copy',
          state: !connection ? 'locked' : this.selection?.filters ? 'done' : 'current',
          status: connection ? selectionStatus(this.selection) : 'Connect S3 first',
          body: connection
            ? selectView({
                connection,
                elements: this.elements,
                onSelectionChange: this.onTreeSelectionChange,
                onTreeError: this.onTreeError,
                onRetryElements: this.retryElements,
              })
            : this.locked('Browse the bucket and tick the files and folders to copy.'),
        })}
        ${stepCard({
          id: 'step-import',
          number: 4,
          title: 'Destination and import',
          state: !connection ? 'locked' : this.job?.outcome === 'completed' ? 'done' : 'current',
          status: connection ? jobStatus(this.job) : 'Connect S3 first',
          body:
            session && connection
              ? importView({
                  session,
                  hubUrl: config.hubUrl,
                  connection,
                  elements: this.elements,
                  selection: this.selection,
                  target: this.target,
                  suggestedBucket: suggestBucketName(connection.bucket),
                  onTargetChange: this.onTargetChange,
                  onJobEvent: this.onJobEvent,
                  onRetryElements: this.retryElements,
                })
              : this.locked('Pick or create the Storage Bucket, then start the import Job and follow it here.'),
        })}
      </ol>
      <footer class="footnote">
        <p>
          Nothing is stored in this browser: your token and S3 keys live in this tab's memory and are sent only to
          Hugging Face and to your S3 endpoint. The import Job receives the S3 keys as encrypted Job secrets.
        </p>
      </footer>
    `;
  }
}
