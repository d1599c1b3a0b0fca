#!/usr/bin/env node
// Thin shim: the CLI lives in the compiled dist/ (built by `npm install` via the prepare script);
// src/cli/launch.ts says how it starts.
import { launch } from '../dist/cli/launch.js';
launch(process.argv).then((code) => {
  process.exitCode = code;
});
