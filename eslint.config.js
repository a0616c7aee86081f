// Type-aware lint: floating promises and type-only imports are errors; zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

// Where each file may run (in the manner of Signal Desktop's per-process rules): src-shared and
// games run in every process, so they import no Node, Electron, DOM library or app code; the
// renderer never imports src-main or Node; only the desktop shell (src-main/electron) imports
// electron. tsconfig.pure.json type-checks src-shared and games without Node's or the DOM's types.
const NODE = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];
const noNode = { group: NODE, message: 'runs outside Node: no Node built-ins here' };
const noElectron = {
  regex: '^electron(/.*)?$',
  message: 'only the desktop shell (src-main/electron) imports electron',
};
const noMain = {
  group: ['**/src-main', '**/src-main/**'],
  message: 'the engine is reached through the contract (src-shared/contract), never imported',
};
const noRenderer = {
  group: ['**/src-renderer', '**/src-renderer/**'],
  message: 'the UI is reached through the contract, never imported',
};
const noLibraries = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'echarts', 'echarts/*', 'better-sqlite3'],
  message: 'pure code imports no UI, chart or database library',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'tests/artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(noNode, noElectron, noMain, noRenderer, noLibraries, {
      group: ['../games', '../games/**', '../../games', '../../games/**'],
      message: 'src-shared is what crosses the contract: it imports no game code',
    }),
  },
  {
    files: ['games/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(noNode, noElectron, noMain, noRenderer, noLibraries),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: restrict(noNode, noElectron, noMain),
  },
  {
    files: ['src-main/**/*.ts', 'bin/**/*.js', '*.ts'],
    ignores: ['src-main/electron/**'],
    rules: restrict(noElectron, noRenderer),
  },
  {
    // Tests may read the renderer's pure helpers to check what the page shows.
    files: ['tests/**/*.ts'],
    rules: restrict(noElectron),
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
