// The strict fake Bot API lives in src/emulator (one emulator for the tests and the `npm run sim`
// sandbox); this re-export keeps the tests' imports short and stable.
export * from "../../../src/emulator/index.js";
