export { createLabStore, type LabStore, type LabStoreOptions } from './labStore';
export { SESSION_KEY, PREFS_KEY, toSaved, isControl, savedLineCount } from './session';
export { cliNow, loadCli } from './cliPort';
export type * from './types';
