import { html, type TemplateResult } from 'lit';
import type { PatternField, PatternProblem, PatternValidation } from '@s3-to-hf/core/filters';
import { live } from 'lit/directives/live.js';

/** What the pattern editor shows and how it reports typing. */
export interface PatternFieldsView {
  include: string;
  exclude: string;
  validation: PatternValidation;
  onInput: (field: PatternField, text: string) => void;
}

const LABELS: Record<PatternField, { label: string; hint: string; placeholder: string }> = {
  include: {
    label: 'Include',
    hint: 'One pattern per line. Leave empty to import every file under the source prefix.',
    placeholder: 'data/*\nREADME.md',
  },
  exclude: {
    label: 'Exclude',
    hint: 'One pattern per line. Excludes win over includes.',
    placeholder: '*.tmp\nlogs/*',
  },
};

/**
 * The manual mode: include and exclude patterns, one per line, validated as the user types with a
 * message per line. Patterns are matched against keys relative to the source prefix.
 */
export function renderPatternFields(view: PatternFieldsView): TemplateResult {
  const field = (name: PatternField, text: string) => {
    const problems = view.validation.problems.filter((problem) => problem.field === name);
    const invalid = problems.some((problem) => problem.severity === 'error');
    const { label, hint, placeholder } = LABELS[name];
    return html`
      <div class="field pattern-field">
        <label for="patterns-${name}">${label}</label>
        <textarea
          id="patterns-${name}"
          part="patterns-${name}"
          rows="5"
          spellcheck="false"
          autocomplete="off"
          placeholder=${placeholder}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="patterns-${name}-hint patterns-${name}-problems"
          .value=${live(text)}
          @input=${(event: Event) => view.onInput(name, (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <span class="field-hint" id="patterns-${name}-hint">${hint}</span>
        <ul class="problems" id="patterns-${name}-problems" aria-live="polite">
          ${problems.map(renderProblem)}
        </ul>
      </div>
    `;
  };
  return html`
    <section class="manual" part="manual" aria-labelledby="manual-title">
      <p class="manual-title" id="manual-title">Choose files by pattern</p>
      <p class="field-hint">
        Patterns match keys relative to the source prefix: <code>*</code> matches any characters, including <code>/</code>;
        <code>?</code> one character; <code>[abc]</code> one of a set. Matching is case-sensitive; to match a literal
        <code>*</code>, <code>?</code> or <code>[</code>, write <code>[*]</code>, <code>[?]</code> or <code>[[]</code>.
      </p>
      <div class="pattern-grid">${field('include', view.include)} ${field('exclude', view.exclude)}</div>
    </section>
  `;
}

function renderProblem(problem: PatternProblem): TemplateResult {
  return html`<li class=${problem.severity === 'error' ? 'field-error' : 'field-warning'}>
    <span class="problem-line">Line ${problem.line}${problem.severity === 'error' ? '' : ' (note)'}:</span> ${problem.message}
  </li>`;
}

/** The first error, as the `problem` of a manual selection. */
export function firstPatternError(validation: PatternValidation): string | undefined {
  const error = validation.problems.find((problem) => problem.severity === 'error');
  return error && `${LABELS[error.field].label} patterns, line ${error.line}: ${error.message}`;
}
