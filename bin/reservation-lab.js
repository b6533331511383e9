#!/usr/bin/env node
// The `reservation-lab` command (package.json "bin"): loads the TypeScript CLI through tsx's
// loader, so it runs from a plain checkout without a build step.

import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
