import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.strict,
  {
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Remix loaders and migrations are typed by their frameworks, where `any` is the documented type.
      '@typescript-eslint/no-explicit-any': 'off',
      // The label wraps or points at its control through htmlFor; the rule cannot see through our components.
      'jsx-a11y/label-has-associated-control': 'off',
      // Focus moves to the h1 after navigation; tabIndex -1 on main and headings is deliberate.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['main', 'h1'], roles: [] }],
      // Safari drops list semantics from a list styled without bullets; role="list" puts them back.
      'jsx-a11y/no-redundant-roles': ['error', { ul: ['list'] }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['kysely'], importNames: ['sql'], message: 'Only db/repositories and migrations build SQL.' }] },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
