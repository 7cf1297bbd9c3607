// Lint: the SharePoint Framework's React profile plus the house rules (STYLE.md). No rule is
// switched off to make the build green. Layers import one way only: domain ← data, domain ← ui;
// web parts and the workbench compose them.
require('@rushstack/eslint-config/patch/modern-module-resolution');

const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

const ui = ['@pnp/*', '@microsoft/sp-*', '**/data/**', '**/webparts/**'];
const uiMessage = 'The UI talks to ports through context; it never sees PnPjs or SharePoint field names.';
const features = ['planner', 'stakeholders', 'dashboard', 'export', 'after'];
// For each folder of src/ui, the folders it must not import.
const uiFolders = {
  common: ['shell', 'editor', ...features],
  shell: ['editor', ...features],
  editor: features,
  export: ['editor', 'planner', 'stakeholders', 'dashboard', 'after'],
  planner: ['dashboard'],
  stakeholders: ['planner', 'dashboard', 'export', 'after'],
  dashboard: ['planner', 'stakeholders'],
  // After engagement (issue 11): loaded lazily by planner and dashboard; imports only the base and export.
  after: ['planner', 'stakeholders', 'dashboard']
};

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname, project: ['./tsconfig.json', './webparts/tsconfig.json', './test/tsconfig.json'] },
  rules: {
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-floating-promises': 'error',
    eqeqeq: 'error'
  },
  overrides: [
    {
      files: ['src/domain/**/*.ts'],
      rules: {
        'no-restricted-imports': restrict(
          ['react', '@pnp/*', '@fluentui/*', '@microsoft/*', '**/data/**', '**/ui/**', '**/webparts/**'],
          'The domain imports nothing but zod.'
        )
      }
    },
    {
      files: ['src/data/**/*.ts'],
      rules: {
        'no-restricted-imports': restrict(
          ['react', '@fluentui/*', '@microsoft/sp-*', '**/ui/**', '**/webparts/**'],
          'The data layer depends only on the domain and PnPjs.'
        )
      }
    },
    {
      files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
      rules: { 'no-restricted-imports': restrict(ui, uiMessage) }
    },
    // Inside src/ui: shell and common are the base, editor builds on them, and each feature folder
    // imports only those, the domain, export (planner and dashboard) and, one way only, planner → stakeholders.
    ...Object.entries(uiFolders).map(([folder, forbidden]) => ({
      files: [`src/ui/${folder}/**/*.ts`, `src/ui/${folder}/**/*.tsx`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...ui.map((group) => ({ group: [group], message: uiMessage })),
              ...forbidden.map((name) => ({
                group: [`**/${name}/**`, `../${name}/*`],
                message: `src/ui/${folder} must not import src/ui/${name} (see the README's folder map).`
              }))
            ]
          }
        ]
      }
    }))
  ]
};
