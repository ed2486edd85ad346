// A station's registration changed (created, edited, registered from quarantine): whoever caches
// what the gateway checks a frame against (the journal's appender, journal-appender.ts, through
// openJournal or as a message to the ingest thread, ingest-thread.ts) forgets that MN at once.
// In-process only: the appender also re-reads the whole registry every half minute for edits made
// by other processes.

type Listener = (mn: string) => void;
const listeners = new Set<Listener>();

export function onStationChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function stationChanged(mn: string): void {
  for (const l of listeners) l(mn);
}
