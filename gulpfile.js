'use strict';

// SharePoint Framework build (gulp toolchain). `npm run package` drives the ship build;
// tests run with `npm test` (jest), never `gulp test`.
const build = require('@microsoft/sp-build-web');

build.addSuppression(/Warning - \[sass\] The local CSS class .* is not camelCase/);

const getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  const result = getTasks.call(build.rig);
  result.set('serve', result.get('serve-deprecated'));
  return result;
};

build.initialize(require('gulp'));
