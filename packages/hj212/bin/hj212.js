#!/usr/bin/env node
// The package ships TypeScript sources; tsx (installed at the repository root) compiles them on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
