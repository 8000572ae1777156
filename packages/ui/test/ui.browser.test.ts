import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { baseStyles } from '../src/index.js';
import { loadLightTheme } from './load-light-theme.js';

class UiProbeElement extends LitElement {
  static override styles = baseStyles;
  override render() {
    return html`<button class="primary">Go</button><p class="field-error">Bad</p>`;
  }
}
customElements.define('ui-probe', UiProbeElement);

describe('@s3-to-hf/ui', () => {
  it('is dark by default and takes the light theme from an ancestor class', async () => {
    await loadLightTheme();
    const dark = await fixture<UiProbeElement>(html`<ui-probe></ui-probe>`);
    expect(getComputedStyle(dark).color).to.equal('rgb(229, 231, 235)');
    const wrapper = await fixture<HTMLDivElement>(html`<div class="s3hf-light"><ui-probe></ui-probe></div>`);
    const light = wrapper.querySelector('ui-probe') as UiProbeElement;
    await light.updateComplete;
    expect(getComputedStyle(light).color).to.equal('rgb(17, 24, 39)');
    const error = light.shadowRoot!.querySelector('.field-error') as HTMLElement;
    expect(getComputedStyle(error).color).to.equal('rgb(185, 28, 28)');
  });

  it('lets one token override the theme for one element', async () => {
    const element = await fixture<UiProbeElement>(html`<ui-probe style="--s3hf-color-accent: rgb(1, 2, 3)"></ui-probe>`);
    const button = element.shadowRoot!.querySelector('button') as HTMLButtonElement;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});
