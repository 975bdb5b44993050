#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI (npm run build:ts).
import '../build/main.js';
