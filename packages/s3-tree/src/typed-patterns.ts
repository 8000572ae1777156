import { validateImportPatterns, type PatternField, type PatternValidation } from '@s3-to-hf/core/filters';

/** The include and exclude patterns typed in manual mode, validated once per change of the text. */
export class TypedPatterns {
  include = '';
  exclude = '';
  #validation: { include: string; exclude: string; result: PatternValidation } | undefined;

  set(field: PatternField, text: string): void {
    if (field === 'include') this.include = text;
    else this.exclude = text;
  }

  /** What the patterns import, or what is wrong with them. */
  validation(): PatternValidation {
    if (this.#validation?.include !== this.include || this.#validation.exclude !== this.exclude) {
      this.#validation = { include: this.include, exclude: this.exclude, result: validateImportPatterns({ include: this.include, exclude: this.exclude }) };
    }
    return this.#validation.result;
  }
}
