/**
 * A place held for a session being opened. It counts against MCP_MAX_SESSIONS and its principal's quota
 * from admission on, so concurrent initializes cannot overshoot them; the session takes the place over
 * when it is added, otherwise `release()` gives it back (an initialize the SDK refused, a failure).
 */
export class SessionAdmission {
  private held = true;

  constructor(
    readonly principalId: string,
    private readonly giveBack: (principalId: string) => void,
  ) {}

  /** Hands the place over to the session being added; false when it was already released or handed over. */
  handOver(): boolean {
    if (!this.held) return false;
    this.held = false;
    return true;
  }

  /** Gives the place back unless a session took it over (idempotent). */
  release(): void {
    if (this.handOver()) this.giveBack(this.principalId);
  }
}
