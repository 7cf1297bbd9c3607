// Lint: the SharePoint Framework's React profile plus the house rules (STYLE.md). No rule is
// switched off to make the build green. Layers import one way only: domain ← data, domain ← ui;
// web parts and the workbench compose them.
require('@rushstack/eslint-config/patch/modern-module-resolution');

const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

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
      rules: {
        'no-restricted-imports': restrict(
          ['@pnp/*', '@microsoft/sp-*', '**/data/**', '**/webparts/**'],
          'The UI talks to ports through context; it never sees PnPjs or SharePoint field names.'
        )
      }
    }
  ]
};
