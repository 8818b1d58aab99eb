// ESLint flat config. Besides the usual TypeScript rules it enforces the layout rules of
// ../shared/docs/architecture.md: who may import electron, the database drivers, the HTTP client and Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'zlib',
  'events',
  'util',
];

const restrict = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      'test-results',
      'playwright-report',
      'e2e/artifacts',
      '.demo',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  // Everything in src-main except the Electron host: no electron.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(
            ['electron'],
            'Only src-main/app may import electron (architecture.md, layout rules).',
          ),
        },
      ],
    },
  },
  // Outside src-main/winthor: no database driver. Outside src-main/ciashop: no HTTP client.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/winthor/**', 'src-main/ciashop/**', 'src-main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(['electron'], 'Only src-main/app may import electron.'),
            ...restrict(['oracledb', 'better-sqlite3'], 'Only src-main/winthor may import database drivers.'),
            ...restrict(['axios', 'undici'], 'Only src-main/ciashop may import the HTTP client.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/winthor/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(['electron'], 'Only src-main/app may import electron.'),
            ...restrict(['axios', 'undici'], 'Only src-main/ciashop may import the HTTP client.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/ciashop/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(['electron'], 'Only src-main/app may import electron.'),
            ...restrict(['oracledb', 'better-sqlite3'], 'Only src-main/winthor may import database drivers.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(['oracledb', 'better-sqlite3'], 'Only src-main/winthor may import database drivers.'),
            ...restrict(['axios', 'undici'], 'Only src-main/ciashop may import the HTTP client.'),
          ],
        },
      ],
    },
  },
  // The renderer: browser only. No Node module, no electron, no main-process library.
  {
    files: ['src-renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(
              [
                'electron',
                'oracledb',
                'better-sqlite3',
                'axios',
                'undici',
                'conf',
                'electron-store',
                'nodemailer',
                'node-schedule',
                'fastify',
              ],
              'The renderer talks only to the API contract through its transport.',
            ),
            ...restrict(nodeBuiltins, 'The renderer imports no Node module.'),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer imports no Node module.' },
            {
              group: ['**/src-main/**'],
              message: 'The renderer may import only the API contract, through the @contract alias.',
            },
          ],
        },
      ],
    },
  },
);
