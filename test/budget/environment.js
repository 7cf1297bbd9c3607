// The browser as the budget tests need it: jsdom for React and Fluent UI, with Node's own fetch
// (jsdom has none), so the product's adapters talk HTTP to a real workbench stand-in.
const { TestEnvironment } = require('jest-environment-jsdom');

class BrowserWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of [
      'fetch',
      'Headers',
      'Request',
      'Response',
      'FormData',
      'AbortController',
      'AbortSignal',
      'TextEncoder',
      'TextDecoder',
      'ReadableStream',
      'structuredClone',
      'setImmediate'
    ])
      this.global[name] = globalThis[name];
  }
}

module.exports = BrowserWithFetch;
