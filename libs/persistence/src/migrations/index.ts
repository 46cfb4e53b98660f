import { InitialSchema1732150000000 } from './1732150000000-initial-schema';

/** In order. Listed explicitly so a bundled build cannot miss one. */
export const MIGRATIONS = [InitialSchema1732150000000];
