/** Storybook preview: the page Foyer's elements render into. */
import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  decorators: [
    (story) => {
      document.documentElement.lang = 'en';
      return story();
    },
  ],
};

export default preview;
