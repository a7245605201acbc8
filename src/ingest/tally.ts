export interface IngestError {
  path: string;
  line: number | null;
  reason: string;
}

/** The contract `dateline ingest --json` prints as its last line. */
export interface IngestTally {
  added: number;
  duplicate: number;
  rejected: number;
  errors: IngestError[];
}

export function emptyTally(): IngestTally {
  return { added: 0, duplicate: 0, rejected: 0, errors: [] };
}

export function mergeTallies(a: IngestTally, b: IngestTally): IngestTally {
  return {
    added: a.added + b.added,
    duplicate: a.duplicate + b.duplicate,
    rejected: a.rejected + b.rejected,
    errors: [...a.errors, ...b.errors],
  };
}
