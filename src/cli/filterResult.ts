/** What a text filter after a pipe returns: its stdout, its stderr and its exit status. */
export interface FilterResult {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}
