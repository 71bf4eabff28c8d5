// One lint config for the whole repository (run by `npm run lint` and `npm test`).
// Formatting is Prettier's job (.prettierrc.json); ESLint looks for bugs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      'data/**',
      '.e2e/**',
      'test-results/**',
      '**/*.d.ts',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed parameters and rest siblings are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Code that runs in the browser: the elements, their stories and tests, the example pages, and
    // the callbacks the end-to-end test evaluates inside the page.
    files: [
      'packages/elements/**/*.{ts,js}',
      'packages/core/src/client/**/*.ts',
      'stories/**/*',
      'examples/**/*.{js,mjs}',
      'e2e/**/*',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Tests may use `any` for fakes and non-null assertions on what they just created.
    files: ['**/*.test.ts', '**/test-support/**', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
