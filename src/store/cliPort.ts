import type { Cli } from './replay';

/**
 * The command line arrives in its own chunk (see replay.ts). One promise for the page: the first
 * caller starts the download, later callers share it; once loaded, `cliNow()` answers synchronously
 * so typed lines still run in the same task as the Enter that submitted them.
 */
let loaded: Cli | null = null;
let loading: Promise<Cli> | null = null;

export function cliNow(): Cli | null {
  return loaded;
}

export function loadCli(): Promise<Cli> {
  loading ??= import('./replay').then(
    (m) => (loaded = m.cli),
    (e: unknown) => {
      // Offline, or the page was redeployed under it: the next call tries again.
      loading = null;
      throw e;
    },
  );
  return loading;
}
