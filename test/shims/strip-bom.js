// CommonJS stand-in for strip-bom 5, which is ESM only: @microsoft/app-manifest require()s it, and
// jest on Node 20 cannot load an ES module through require (reference/toolchain-node20.md, G9).
// Wired in jest.config.js: moduleNameMapper { '^strip-bom$': '<rootDir>/test/shims/strip-bom.js' }.
module.exports = function stripBom(string) {
  if (typeof string !== 'string') {
    throw new TypeError(`Expected a string, got ${typeof string}`);
  }
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
};
