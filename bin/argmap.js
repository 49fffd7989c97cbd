#!/usr/bin/env node
// Runs the TypeScript CLI in place: the app and the CLI share src/core without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
