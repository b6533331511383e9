import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The walls of the architecture (../shared/DESIGN.md "Layers") are enforced here, not by review.
const uiAndStore = ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'framer-motion', 'motion', 'motion/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure and deterministic: no UI, no store, no wall clock, no unseeded randomness.
    files: ['src/engine/**/*.ts', 'src/scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiAndStore.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'src/engine must not import UI or store libraries.' })),
          patterns: [
            { group: ['**/store/**', '**/ui/**', '**/worker/**', '**/embed/**', '**/cli/**'], message: 'src/engine imports nothing outside src/engine (DESIGN.md, Layers).' },
            { group: ['react/*', 'react-dom/*', 'zustand/*', 'framer-motion/*', 'motion/*', 'node:*'], message: 'src/engine must stay free of UI, store and Node APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Engine time is virtual: schedule an event on the simulation queue.' },
        { name: 'setInterval', message: 'Engine time is virtual: schedule an event on the simulation queue.' },
        { name: 'performance', message: 'Engine time is virtual: use the simulation clock.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Engine time is virtual: use the simulation clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (src/engine/rng.ts) so runs replay exactly.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Engine time is virtual: use the simulation clock.' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx', 'src/store/**/*.ts', 'src/embed/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker, ...globals.browser } },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'src/cli/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,js}', 'bin/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
