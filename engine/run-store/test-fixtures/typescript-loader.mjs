// Lets a child process run the run store's real TypeScript source (node --import this-file).
// Node 20 cannot strip types and tsx is not installed, so rather than copy the store's SQL into
// the fixtures (which would test the copy), a module hook transpiles .ts files on load with
// TypeScript's own transpileModule (types are only stripped; tsc type-checks them separately).
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
