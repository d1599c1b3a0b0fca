#!/usr/bin/env node
// Thin shim: the CLI lives in the compiled dist/ (built by `npm install` via the prepare script);
// src/cli/launch.cts says how it starts, and why this file is CommonJS.
'use strict';
require('../dist/cli/launch.cjs')
  .launch(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
