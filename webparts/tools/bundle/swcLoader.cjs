// A webpack loader for the bundle-size build: TypeScript/TSX to ES2017 modules with @swc/core
// (the ship build uses tsc with the same target and JSX setting; comments such as
// webpackChunkName are kept, so code splitting is the same).
const { transformSync } = require('@swc/core');

module.exports = function swcLoader(source) {
  const tsx = this.resourcePath.endsWith('.tsx');
  const { code } = transformSync(source, {
    filename: this.resourcePath,
    sourceMaps: false,
    jsc: {
      parser: { syntax: 'typescript', tsx },
      target: 'es2017',
      transform: { react: { runtime: 'classic' } },
      preserveAllComments: true
    },
    module: { type: 'es6' }
  });
  return code;
};
