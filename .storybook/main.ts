/** Storybook 10: every Foyer element in every machine state, from the TypeScript sources. */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    return mergeConfig(viteConfig, {
      // Workspace packages resolve to their src/ through the "foyer-source" export condition.
      resolve: { conditions: ['foyer-source', ...defaultClientConditions] },
      // The elements use no decorators (reactive properties are declared with `static properties` +
      // `declare`), so the transform is the same whatever the class-field semantics.
    });
  },
};

export default config;
