export { createLabStore, type LabStore, type LabStoreOptions } from './labStore';
export { SESSION_KEY, PREFS_KEY, toSaved, isControl } from './session';
export type * from './types';
