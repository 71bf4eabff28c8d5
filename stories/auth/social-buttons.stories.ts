/** `<foyer-social-buttons>`: Google and Apple sign-in buttons in their brand variants, and on `<foyer-sign-in>`. */
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/social-buttons/social-buttons';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeMachines } from './fakes.js';

interface Args {
  providers: string;
  variant: 'light' | 'dark';
  mode: 'signin' | 'signup' | 'continue';
}

const meta: Meta<Args> = {
  title: 'Auth/Social buttons',
  component: 'foyer-social-buttons',
  args: { providers: 'google apple', variant: 'light', mode: 'signin' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['light', 'dark'] },
    mode: { control: 'inline-radio', options: ['signin', 'signup', 'continue'] },
  },
  render: ({ providers, variant, mode }) =>
    html`<div style="max-width: 22rem; padding: 1rem; background: ${variant === 'dark' ? '#131314' : '#ffffff'}">
      <foyer-social-buttons
        providers=${providers}
        variant=${variant}
        mode=${mode}
        return-to="https://app.example.com/welcome"
      ></foyer-social-buttons>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Light: Google white with the four-colour G, Apple black. */
export const Light: Story = {};

/** Dark: Google #131314, Apple white. */
export const Dark: Story = { args: { variant: 'dark' } };

/** "Continue with …" wording. */
export const Continue: Story = { args: { mode: 'continue' } };

/** A custom OpenID provider next to the presets. */
export const CustomProvider: Story = { args: { providers: 'google apple my-idp' } };

/** On `<foyer-sign-in providers="google apple">`: buttons, an "or" divider, then the password form. */
export const OnSignIn: Story = {
  render: () => html`<foyer-sign-in providers="google apple" .logic=${fakeMachines({}).signIn}></foyer-sign-in>`,
};
