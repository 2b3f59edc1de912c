// The live-updates connection: one WebSocket per page, subscribed to at most one link at a time. Reconnects by
// itself with exponential backoff (1 s doubling to 30 s at most, with jitter) and re-subscribes afterwards.
//
// States (what the indicator shows): 'connecting' (opening, or waiting for "subscribed"), 'live' (subscribed),
// 'reconnecting' (waiting to retry; detail.retryAt says when), 'offline' (given up: detail.reason says why).

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

/** The wait before retry number `attempt` (0-based): doubling from 1 s, capped at 30 s, minus up to 30% jitter. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling * (1 - 0.3 * random()));
}

export class LiveSocket {
  /**
   * @param url the WebSocket API, e.g. ws://127.0.0.1:8081
   * @param token the JWT, sent as the ?token= query parameter (browsers cannot set headers on a WebSocket)
   * @param handlers onState(state, detail), onMessage(frame), checkToken() → Promise<boolean> (false: rejected)
   */
  constructor(url, token, handlers) {
    this.url = `${url.replace(/\/+$/, '')}/?token=${encodeURIComponent(token)}`;
    this.handlers = handlers;
    this.ws = null;
    this.code = null;
    this.attempt = 0;
    this.timer = null;
    this.stopped = false;
    this.everSubscribed = false;
    this.state = 'offline';
    this.onOnline = () => {
      if (!this.stopped && !this.ws && this.code) {
        this.attempt = 0;
        this.connect();
      }
    };
    this.onOffline = () => {
      if (!this.ws && this.code) {
        clearTimeout(this.timer);
        this.setState('offline', { reason: 'no network' });
      }
    };
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  /** Watches one link (replacing the previous one). Connects when needed. */
  subscribe(code) {
    if (this.stopped) return;
    if (this.code && this.code !== code) this.send({ action: 'unsubscribe', code: this.code });
    this.code = code;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.setState('connecting');
      this.send({ action: 'subscribe', code });
    } else if (!this.ws) {
      clearTimeout(this.timer);
      this.attempt = 0;
      this.connect();
    }
  }

  /** Stops watching; the connection stays open for the next link. */
  unsubscribe() {
    if (this.code) this.send({ action: 'unsubscribe', code: this.code });
    this.code = null;
    clearTimeout(this.timer);
    this.setState('offline', { reason: 'not watching' });
  }

  /** Closes for good (sign-out). */
  close() {
    this.stopped = true;
    this.code = null;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close(1000, 'signed out');
    }
  }

  connect() {
    if (this.stopped) return;
    this.setState(this.attempt === 0 && !this.everSubscribed ? 'connecting' : 'reconnecting', { retryAt: null });
    let opened = false;
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.setState('offline', { reason: 'bad WebSocket address' });
      return;
    }
    this.ws = ws;
    ws.addEventListener('open', () => {
      opened = true;
      if (this.code) this.send({ action: 'subscribe', code: this.code });
    });
    ws.addEventListener('message', (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!frame || typeof frame !== 'object') return;
      if (frame.type === 'subscribed' && frame.code === this.code) {
        const reconnected = this.everSubscribed;
        this.everSubscribed = true;
        this.attempt = 0;
        this.setState('live', { reconnected });
      }
      this.handlers.onMessage(frame);
    });
    ws.addEventListener('close', async () => {
      if (this.ws !== ws) return; // replaced or closed on purpose
      this.ws = null;
      if (this.stopped) return;
      if (!opened) {
        // The handshake failed. A browser is not told why: ask the API whether the token is still good.
        const valid = await this.handlers.checkToken();
        if (this.stopped || this.ws) return;
        if (valid === false) {
          this.stopped = true;
          this.setState('offline', { reason: 'sign in again', auth: true });
          return;
        }
      }
      if (!this.code) {
        this.setState('offline', { reason: 'not watching' });
        return;
      }
      if (navigator.onLine === false) {
        this.setState('offline', { reason: 'no network' });
        return;
      }
      const delay = backoffDelay(this.attempt++);
      this.setState('reconnecting', { retryAt: Date.now() + delay });
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.connect(), delay);
    });
  }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  setState(state, detail = {}) {
    this.state = state;
    this.handlers.onState(state, detail);
  }
}
