// When the server exits on its own, it is started again after a growing pause, at most
// MAX_RESTARTS times within WINDOW_MS; then the extension stops trying and says so. A server that
// keeps dying (a broken jar, a bug on every start) thus ends in one message, not a restart loop.

export class CrashPolicy {
  static readonly MAX_RESTARTS = 4;
  static readonly WINDOW_MS = 3 * 60_000;
  static readonly FIRST_DELAY_MS = 250;

  private crashes: number[] = [];

  /** Called when the server ended unexpectedly: the pause before restarting it, or undefined to give up. */
  onCrash(now: number): number | undefined {
    this.crashes = this.crashes.filter((t) => now - t < CrashPolicy.WINDOW_MS);
    this.crashes.push(now);
    if (this.crashes.length > CrashPolicy.MAX_RESTARTS) {
      return undefined;
    }
    return CrashPolicy.FIRST_DELAY_MS * 2 ** (this.crashes.length - 1);
  }

  /** How many crashes count now (for the message). */
  get recentCrashes(): number {
    return this.crashes.length;
  }

  /** A restart the user asked for starts afresh. */
  reset(): void {
    this.crashes = [];
  }
}
