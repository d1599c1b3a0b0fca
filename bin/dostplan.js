#!/usr/bin/env node
// Thin shim: the CLI lives in the compiled dist/ (built by `npm install` via the prepare script).
import { main } from '../dist/cli/main.js';
main(process.argv).then((code) => {
  process.exitCode = code;
});
