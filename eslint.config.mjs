// ESLint for Action Tracker: typescript-eslint (type-checked where practical), the folder import rules of
// the design (eslint-plugin-boundaries), and Prettier last so formatting is Prettier's alone.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/ (and tab/) as boundaries elements: a file belongs to the nearest folder named here, and the
 * files at the top of src/ to `root`.
 */
const elements = [
  ...['domain', 'files', 'store', 'cards', 'views', 'use-cases', 'services', 'notifications', 'jobs'].map((type) => ({
    type,
    pattern: `src/${type}`,
  })),
  ...['reports', 'web', 'telemetry', 'teams', 'cli'].map((type) => ({ type, pattern: `src/${type}` })),
  { type: 'tab', pattern: 'tab', partialMatch: false },
  // The files at the top of src/ (configuration, the logger, the project root): their categories below say which.
  { type: 'root', pattern: 'src' },
];

/** Files that other layers may reach for one by one, whatever their folder allows. */
const files = [
  // Storage's failure codes and its connection-string parser are pure (no I/O): cards word the codes, and the
  // configuration checks the connection string with the one parser the store uses.
  { category: 'store-codes', pattern: 'src/store/{errors,connection-string}.ts' },
  { category: 'config', pattern: 'src/config*.ts' },
  { category: 'base', pattern: 'src/{log,project-root}.ts' },
];

/** What an import may reach: a folder (element type) or one of the file categories above. */
const categories = files.map((f) => f.category);
const select = (target) =>
  categories.includes(target) ? { file: { categories: { anyOf: [target] } } } : { element: { type: target } };
const layers = [...elements.map((e) => e.type).filter((t) => t !== 'root' && t !== 'tab'), 'config', 'base'];
const allBut = (...types) => layers.filter((t) => !types.includes(t));

/** Which folder may import which (each may always import itself). Derived from the design and today's imports. */
const allowed = {
  domain: [],
  files: ['domain'],
  base: [],
  config: ['domain', 'store-codes'],
  store: ['domain', 'config', 'base'],
  cards: ['domain', 'store-codes', 'base'],
  // views draw cards from the register: store for its types and reads, and two read helpers that live in
  // services today (services/deciders.ts, services/chat/owner-names.ts); they belong in store or views, but
  // services/chat is being rewritten in parallel, so the move waits for that merge.
  views: ['domain', 'cards', 'store', 'services', 'use-cases'],
  'use-cases': ['domain', 'store', 'services', 'notifications'],
  services: ['domain', 'store', 'use-cases', 'cards', 'views', 'files', 'notifications', 'reports'],
  notifications: ['domain', 'store', 'cards', 'views', 'services', 'jobs'],
  // reports word measures as chat and cards do (cards/measure-words.ts), so the committee reads the same words.
  reports: ['domain', 'files', 'cards'],
  telemetry: ['base'],
  // The tab's HTTP API is a front door like src/teams/, without the Bot Framework.
  web: ['domain', 'store', 'use-cases', 'services', 'views', 'cards', 'reports', 'config', 'base'],
  jobs: allBut('teams', 'cli', 'web'),
  teams: allBut('cli'),
  cli: allBut(),
  // The tab is a browser app: its own folder and npm packages only (pure domain types at most).
  tab: ['domain'],
};

/** Pure libraries the domain may use: no I/O, no clocks of their own, nothing to mock. */
const pureLibraries = ['luxon', 'zod', 'chrono-node', 'fuse.js', 'date-holidays', 'croner'];

const folderRules = {
  plugins: { boundaries },
  settings: {
    'boundaries/elements': elements,
    'boundaries/files': files,
    'boundaries/include': ['src/**/*.ts', 'tab/**/*.{ts,tsx}'],
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        checkAllOrigins: true,
        policies: [
          ...Object.entries(allowed).flatMap(([from, to]) =>
            [from, ...to].map((target) => ({ from: select(from), allow: { to: select(target) } })),
          ),
          // npm packages and Node's own modules: everyone but the domain and the tab...
          {
            from: { element: { types: { noneOf: ['domain', 'tab'] } } },
            allow: { to: { module: { origin: ['external', 'core'] } } },
          },
          // ...the domain only its pure libraries...
          {
            from: { element: { type: 'domain' } },
            allow: { to: { module: { origin: 'external', source: pureLibraries } } },
          },
          // ...and the tab any npm package, but nothing of Node's (it runs in a browser).
          { from: { element: { type: 'tab' } }, allow: { to: { module: { origin: 'external' } } } },
          // The Bot Framework SDK stays inside src/teams/.
          {
            from: { element: { type: '!teams' } },
            disallow: { to: { module: { origin: 'external', source: ['botbuilder*', 'botframework-*'] } } },
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'test-output/**',
      'dist/**',
      'build/**',
      'coverage/**',
      'node_modules/**',
      '.data/**',
      'demo/**',
      'bin/**',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Noise here: many async functions implement a Promise-returning interface without needing to await;
      // no-floating-promises and no-misused-promises catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
      // Passing on what was caught (typed unknown) is not inventing a non-Error rejection.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // Build configuration, outside every tsconfig: checked without types.
    files: ['**/*.mjs', 'tab/vite.config.mts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly' } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Jest's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed any by @types/jest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  folderRules,
  prettier,
);
