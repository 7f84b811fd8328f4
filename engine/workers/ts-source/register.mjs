// Lets `node --import <this file> entry.ts` run the TypeScript sources directly, for tests and
// development (vitest runs the engine from source, and the workers it spawns must match it).
// Compiled builds spawn the .js files in dist/ and never load this.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
