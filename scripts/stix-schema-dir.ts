import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

/** Where `npm run stix:fetch` puts the STIX 2.1 JSON schemas (git-ignored). */
export const STIX_SCHEMA_DIR = path.join(PROJECT_ROOT, '.cache', 'stix2-json-schemas');
