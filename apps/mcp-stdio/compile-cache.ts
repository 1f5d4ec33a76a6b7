import { enableCompileCache } from 'node:module';

// Imported first by main.ts, before any other module loads: start-up is mostly compiling modules, and
// V8 reuses the code it compiled on an earlier start. Where the cache directory cannot be written
// (a read-only file system) this quietly does nothing.
enableCompileCache();
