/** `<foyer-captcha>`: the lazily loaded ALTCHA widget with a local challenge (no network). */
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/captcha/captcha';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ALTCHA_CHALLENGE_URL, waitFor } from './fakes.js';

const meta: Meta = {
  title: 'Auth/Captcha',
  component: 'foyer-captcha',
  render: () => html`<foyer-captcha challenge-url=${ALTCHA_CHALLENGE_URL}></foyer-captcha>`,
};
export default meta;

/** ALTCHA, before solving (click the checkbox: it solves the local challenge for real). */
export const Altcha: StoryObj = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('foyer-captcha')!;
    await waitFor(() => el.shadowRoot?.querySelector('altcha-widget input'));
  },
};
