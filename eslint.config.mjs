// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint (`npm run lint`, run by .ci/run): ESLint's and typescript-eslint's recommended
 * rules on the app, the tests and the scripts; formatting is Prettier's job, so the
 * rules that would fight it are off (eslint-config-prettier).
 */
export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      '.strapi/**',
      '.tmp/**',
      'node_modules/**',
      'types/generated/**',
      'types/api/**',
      'bench/**',
      'test-artifacts/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An `any` or a suppressed type error needs a reason, written where it is.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // CommonJS scripts and config (scripts/, jest.config.js) use require().
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier,
);
