// A data logger's registration changed: a station created, edited or registered from quarantine, a
// quarantined logger rejected, a meter bound to a logger or unbound from it. The service that writes
// the change announces it, whoever called the service (a route, the demo seed, an import, another
// module), and everyone who caches what a gateway checks a frame against listens here: the ingest
// journal (journal.ts) forgets the MN at once, and the directory notifier (runtime.ts) tells the bus
// gateways (INGEST_BUS). In-process only: the journal also re-reads the whole registry every half
// minute, and a bus gateway's cache expires after its TTL, for edits made by other processes.
//
// Listeners get every change of the process: with several apps in one process (the test workers)
// an app's listener may hear another's MN, which only makes a cache ask the database once more.

type Listener = (mn: string) => void;
const listeners = new Set<Listener>();

export function onStationChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function stationChanged(mn: string): void {
  for (const l of listeners) l(mn);
}

/** Announces the MNs whose registration changed (empty ones and repeats skipped). */
export function registryChanged(mns: readonly (string | null | undefined)[]): void {
  for (const mn of new Set(mns)) if (mn) stationChanged(mn);
}
