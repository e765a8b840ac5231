export { browserLang, createLabStore, type LabStore, type LabStoreOptions } from './labStore';
export { SESSION_KEY, PREFS_KEY, toSaved, isControl, parsePrefs, savedLineCount } from './session';
export { SHARE_PREFIX, openSharedLink, shareUrl, type ShareOutcome } from './shareLink';
export { cliNow, loadCli } from './cliPort';
export type * from './types';
export { browserStorage, readKey, type KV } from './storage';
