#!/usr/bin/env node
// The `provenance-lens` command. The CLI is TypeScript sharing the extension's own engine,
// page and pack modules; tsx (a runtime dependency) loads it in this process, no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
