// Preloaded into the server by the e2e harness when E2E_NOW is set (never in production): shifts
// the process clock so that "now" starts at E2E_NOW and advances in real time, as the server tests'
// fixed clock does. Used to walk journeys on dates such as 2026-12-28, when the next year has no
// holiday notice yet (issue 8 §1).
const target = process.env.E2E_NOW;
if (target) {
  const RealDate = Date;
  const offset = new RealDate(target).getTime() - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`E2E_NOW is not a date: ${target}`);
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
