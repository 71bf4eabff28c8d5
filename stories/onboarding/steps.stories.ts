/** The onboarding step elements on their own: empty, filled and with errors. */
import '@foyer/elements/onboarding';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { hostSteps, NOW, providerSteps } from './fakes.js';

interface Args {
  tag: string;
  data: Record<string, unknown>;
  fieldErrors: Record<string, string>;
}

const render = ({ tag, data, fieldErrors }: Args): TemplateResult => {
  switch (tag) {
    case 'roles':
      return html`<foyer-step-roles .data=${data} .fieldErrors=${fieldErrors}></foyer-step-roles>`;
    case 'profile':
      return html`<foyer-step-profile .data=${data} .fieldErrors=${fieldErrors}></foyer-step-profile>`;
    case 'packages':
      return html`<foyer-step-packages
        .roles=${['photographer', 'model']}
        .data=${data}
        .fieldErrors=${fieldErrors}
      ></foyer-step-packages>`;
    case 'availability':
      return html`<foyer-step-availability
        .now=${NOW}
        .data=${data}
        .fieldErrors=${fieldErrors}
      ></foyer-step-availability>`;
    case 'policies':
      return html`<foyer-step-policies .data=${data} .fieldErrors=${fieldErrors}></foyer-step-policies>`;
    default:
      return html`<foyer-step-studio
        page-base="https://example.com/studios/"
        .data=${data}
        .fieldErrors=${fieldErrors}
      ></foyer-step-studio>`;
  }
};

const meta: Meta<Args> = {
  title: 'Onboarding/Steps',
  args: { data: {}, fieldErrors: {} },
  argTypes: { tag: { table: { disable: true } } },
  render,
};
export default meta;

type Story = StoryObj<Args>;

export const RolesEmpty: Story = { args: { tag: 'roles' } };
export const RolesFilled: Story = { args: { tag: 'roles', data: providerSteps.roles } };
export const RolesWithErrors: Story = { args: { tag: 'roles', fieldErrors: { roles: 'Choose at least one role.' } } };

export const ProfileEmpty: Story = { args: { tag: 'profile' } };
export const ProfileFilled: Story = { args: { tag: 'profile', data: providerSteps.profile } };
export const ProfileWithErrors: Story = {
  args: {
    tag: 'profile',
    data: { headline: 'x'.repeat(81), links: ['javascript:alert(1)'] },
    fieldErrors: {
      displayName: 'Display name is required.',
      headline: 'Headline is too long (at most 80 characters).',
      'city.name': 'City is required.',
      languages: 'Add at least one language.',
      'links.0': 'Enter a full http:// or https:// link.',
    },
  },
};

export const PackagesEmpty: Story = { args: { tag: 'packages' } };
export const PackagesFilled: Story = { args: { tag: 'packages', data: providerSteps.packages } };
export const PackagesWithErrors: Story = {
  args: {
    tag: 'packages',
    data: {
      packages: [
        {
          id: 'p1',
          role: 'photographer',
          name: '',
          durationMinutes: 5,
          price: { currency: 'EUR', amount: '1.234' },
          deliverables: [],
          addOns: [],
        },
      ],
    },
    fieldErrors: {
      'packages.0.name': 'Package name is required.',
      'packages.0.durationMinutes': 'At least 15 minutes.',
      'packages.0.price.amount': 'Enter a whole amount in minor units (cents).',
    },
  },
};

export const AvailabilityEmpty: Story = { args: { tag: 'availability', data: { timeZone: 'Europe/Berlin' } } };
export const AvailabilityFilled: Story = {
  args: {
    tag: 'availability',
    data: {
      ...providerSteps.availability,
      exceptions: [
        { kind: 'off', from: '2026-03-04', to: '2026-03-05' },
        { kind: 'extra', date: '2026-03-07', start: '10:00', end: '14:00' },
      ],
    },
  },
};
export const AvailabilityWithErrors: Story = {
  args: {
    tag: 'availability',
    data: {
      ...providerSteps.availability,
      weekly: [{ day: 1, start: '17:00', end: '09:00' }],
      minimumNoticeHours: 9999,
    },
    fieldErrors: { 'weekly.0': 'The end must be after the start.', minimumNoticeHours: 'At most 30 days.' },
  },
};
/** Across the spring-forward change in Los Angeles (8 March 2026): that Sunday is an hour short. */
export const AvailabilityAcrossDst: Story = {
  args: {
    tag: 'availability',
    data: {
      ...providerSteps.availability,
      timeZone: 'America/Los_Angeles',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '04:00' })),
      minimumNoticeHours: 0,
    },
  },
};

export const PoliciesEmpty: Story = { args: { tag: 'policies' } };
export const PoliciesFilled: Story = { args: { tag: 'policies', data: providerSteps.policies } };
export const PoliciesWithErrors: Story = {
  args: {
    tag: 'policies',
    data: { reschedule: { allowed: true, noticeHours: 48, maxTimes: 99 } },
    fieldErrors: { cancellation: 'Choose a cancellation policy.', 'reschedule.maxTimes': 'At most 10.' },
  },
};

export const StudioEmpty: Story = { args: { tag: 'studio' } };
export const StudioFilled: Story = { args: { tag: 'studio', data: hostSteps.studio } };
export const StudioWithErrors: Story = {
  args: {
    tag: 'studio',
    data: {
      slug: 'ab',
      hourlyRate: { min: { currency: 'EUR', amount: 9000 }, max: { currency: 'EUR', amount: 5000 } },
    },
    fieldErrors: {
      name: 'Studio name is required.',
      slug: 'At least 3 characters.',
      'contact.email': 'Enter a valid email address.',
      'address.privacy': 'Choose what the public page shows.',
      hourlyRate: 'The minimum rate is above the maximum.',
    },
  },
};
