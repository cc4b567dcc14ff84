#!/usr/bin/env node
// The `sightline` command. Node 20 cannot run TypeScript, so the CLI runs through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
