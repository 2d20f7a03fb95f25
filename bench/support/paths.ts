import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs as dist/bench/support/paths.js: the project root is three folders up.
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The built server, as `npm run start:built` runs it. */
export const SERVER_ENTRY = path.join(PROJECT_ROOT, 'dist/src/main.js');

/** Machine-readable results of the last run (.data is git-ignored). */
export const RESULTS_FILE = path.join(PROJECT_ROOT, '.data/bench-results.json');
