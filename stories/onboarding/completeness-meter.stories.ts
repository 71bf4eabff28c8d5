/** `<foyer-completeness-meter>` at 0, 45 (with what is missing) and 100. */
import type { MissingField } from '@foyer/core';
import '@foyer/elements/onboarding';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  score: number;
  missing: MissingField[];
  interactive: boolean;
}

const missing: MissingField[] = [
  { step: 'portfolio', field: 'images', weight: 20, hint: 'Upload at least 6 images per role.' },
  { step: 'availability', field: 'weekly', weight: 12, hint: 'Add your weekly hours.' },
  { step: 'policies', field: 'cancellation', weight: 8, hint: 'Choose a cancellation policy.' },
  { step: 'profile', field: 'links', weight: 3, hint: 'Link your website or social profiles.' },
];

const meta: Meta<Args> = {
  title: 'Onboarding/Completeness meter',
  component: 'foyer-completeness-meter',
  args: { score: 0, missing: [], interactive: false },
  render: ({ score, missing, interactive }) =>
    html`<foyer-completeness-meter
      score=${score}
      ?interactive=${interactive}
      .missing=${missing}
    ></foyer-completeness-meter>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {
  args: {
    score: 0,
    missing: [{ step: 'roles', field: 'roles', weight: 5, hint: 'Choose the roles you offer.' }, ...missing],
  },
};
export const Partial: Story = { args: { score: 45, missing } };
/** As inside the wizard: the missing items are buttons (`foyer-goto-step`). */
export const PartialInteractive: Story = { args: { score: 45, missing, interactive: true } };
export const Complete: Story = { args: { score: 100 } };
