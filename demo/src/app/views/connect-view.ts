import { html, nothing, type TemplateResult } from 'lit';
import type { S3Connection } from '@s3-to-hf/core';
import type { S3FormErrors, S3FormField, S3FormValues } from '../../s3/s3-form.js';
import { textField } from './text-field.js';

/** What the "Connect S3" step shows and does. */
export interface ConnectViewInput {
  values: S3FormValues;
  errors: S3FormErrors;
  /** The connection in use, when the form is closed. */
  connection?: S3Connection;
  editing: boolean;
  onInput: (field: keyof S3FormValues, value: string | boolean) => void;
  onSubmit: () => void;
  onEdit: () => void;
  onCancelEdit: () => void;
}

/** Done: where the importer reads from; never the keys themselves. */
function connectionSummary(connection: S3Connection, onEdit: () => void): TemplateResult {
  const where = connection.endpoint ? new URL(connection.endpoint).host : `Amazon S3, ${connection.region}`;
  return html`
    <div class="summary-row">
      <p class="summary">
        Reading <strong>s3://${connection.bucket}/${connection.prefix ?? ''}</strong> on ${where},
        ${connection.anonymous ? 'without credentials (public bucket)' : 'with your access keys'}.
      </p>
      <button type="button" @click=${onEdit}>Change</button>
    </div>
  `;
}

/** Step 2: where to read, and with which keys. */
export function connectView(input: ConnectViewInput): TemplateResult {
  if (input.connection && !input.editing) return connectionSummary(input.connection, input.onEdit);
  const { values, errors } = input;
  const field = (name: S3FormField) => ({
    id: `s3-${name}`,
    value: values[name],
    error: errors[name],
    onInput: (value: string) => input.onInput(name, value),
  });
  return html`
    <form class="s3-form" novalidate autocomplete="off" @submit=${(event: Event) => {
      event.preventDefault();
      input.onSubmit();
    }}>
      <fieldset>
        <legend>Bucket</legend>
        <div class="form-grid">
          ${textField({ ...field('bucket'), label: 'Bucket name', placeholder: 'my-datasets', hint: 'Or paste an s3://bucket/folder/ address.' })}
          ${textField({ ...field('region'), label: 'Region', placeholder: 'us-east-1', hint: 'Where the bucket lives, e.g. eu-west-1. S3-compatible stores: their region name, or us-east-1.' })}
          ${textField({
            ...field('endpoint'),
            label: 'Endpoint URL',
            type: 'url',
            optional: true,
            placeholder: 'https://s3.example.com',
            hint: 'Only for S3-compatible stores (MinIO, R2, Wasabi, Ceph, …). Leave empty for Amazon S3.',
          })}
          ${textField({ ...field('prefix'), label: 'Source folder', optional: true, placeholder: 'datasets/2024/', hint: 'Start from this folder instead of the top of the bucket.' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Credentials</legend>
        <label class="checkbox">
          <input
            type="checkbox"
            name="s3-anonymous"
            .checked=${values.anonymous}
            @change=${(event: Event) => input.onInput('anonymous', (event.target as HTMLInputElement).checked)}
          />
          Public bucket, no credentials
        </label>
        ${values.anonymous
          ? html`<p class="field-hint">Requests are sent unsigned; the bucket must allow public listing and reading.</p>`
          : html`
              <div class="form-grid">
                ${textField({ ...field('accessKeyId'), label: 'Access key ID', placeholder: 'AKIA…' })}
                ${textField({ ...field('secretAccessKey'), label: 'Secret access key', type: 'password' })}
                ${textField({
                  ...field('sessionToken'),
                  label: 'Session token',
                  type: 'password',
                  optional: true,
                  className: 'span-2',
                  hint: 'Only for temporary credentials (STS, SSO). The import Job gets the keys as encrypted secrets.',
                })}
              </div>
            `}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">Use this bucket</button>
        ${input.connection ? html`<button type="button" @click=${input.onCancelEdit}>Cancel</button>` : nothing}
      </div>
    </form>
  `;
}
