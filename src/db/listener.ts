/**
 * One connection that LISTENs on PostgreSQL channels and stays up: when it drops, it reconnects
 * with backoff and says so, so that whoever relies on notifications can catch up on what it
 * may have missed (`onListening` runs after every (re)connect).
 */
import pg from "pg";

export type ListenerOptions = {
  databaseUrl: string;
  channels: readonly string[];
  onNotification: (channel: string, payload: string) => void;
  /** After the first LISTEN and after every reconnect: anything sent meanwhile went unheard. */
  onListening?: () => void;
  onLost?: (reason: string) => void;
};

export class Listener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ListenerOptions) {}

  /** Resolves once LISTEN is in place on every channel; rejects if the first attempt fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  get listening(): boolean {
    return this.client !== undefined && !this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on("error", () => {}); // until LISTEN is in place, connect() below rejects instead
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.options.onLost?.(reason);
      if (!this.stopped) this.scheduleReconnect();
    };
    client.removeAllListeners("error");
    client.on("error", (error) => lost(error.message));
    client.on("end", () => lost("connection closed"));
    client.on("notification", (message) => this.options.onNotification(message.channel, message.payload ?? ""));
    this.client = client;
    this.options.onListening?.();
  }

  private scheduleReconnect(delay = 1000): void {
    this.retryTimer = setTimeout(() => {
      this.connect().catch(() => this.scheduleReconnect(Math.min(delay * 2, 30_000)));
    }, delay);
    this.retryTimer.unref();
  }
}
