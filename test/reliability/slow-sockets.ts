/**
 * Slow clients on raw sockets. A slowloris client sends a request line and then its headers a byte at a time,
 * never ending them; a slow-body client sends whole headers declaring a body and then that body a byte at a
 * time, never completing it. Neither ever closes: `closed` resolves on the socket's 'close' event with what
 * the server answered before cutting it off. An idle client sends one whole request on a keep-alive
 * connection and then nothing.
 */
import { connect, type Socket } from 'node:net';

export interface SlowEnd {
  /** The socket was closed by the server (this side never ends or destroys it until abort()). */
  byServer: boolean;
  /** The status line of the server's last answer on the socket ("" when it answered nothing). */
  statusLine: string;
  bytesSent: number;
}

export interface SlowClient {
  /** Resolves once the socket is connected and has sent its first bytes. */
  started: Promise<void>;
  closed: Promise<SlowEnd>;
  /** Whether the socket is still open (not yet cut off). */
  open(): boolean;
  abort(): void;
}

/** How often a slow client sends its next byte. */
const DRIP_MS = 100;

function slowClient(port: number, head: string, drip: string | null): SlowClient {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  let bytesSent = 0;
  let aborted = false;
  let isOpen = true;
  let timer: NodeJS.Timeout | undefined;
  socket.setEncoding('latin1');
  socket.on('data', (d: string) => (received += d));
  // A reset or a write after the server cut the socket off: it is closed, which is what is awaited.
  socket.on('error', () => {});
  const started = new Promise<void>((resolve) => socket.once('connect', () => {
    socket.write(head, () => resolve());
    bytesSent += head.length;
    if (drip !== null) {
      timer = setInterval(() => {
        if (!socket.writable) return;
        socket.write(drip);
        bytesSent += drip.length;
      }, DRIP_MS);
    }
  }));
  const closed = new Promise<SlowEnd>((resolve) => socket.once('close', () => {
    isOpen = false;
    clearInterval(timer);
    const lines = received.split('\r\n').filter((l) => /^HTTP\/1\.1 \d{3}/.test(l));
    resolve({ byServer: !aborted, statusLine: lines[lines.length - 1] ?? '', bytesSent });
  }));
  return {
    started, closed,
    open: () => isOpen,
    abort() {
      aborted = true;
      socket.destroy();
    },
  };
}

/** Headers that never end: a request line and then one header byte every DRIP_MS. */
export function slowHeaders(port: number): SlowClient {
  return slowClient(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'a');
}

/** A JSON body that never completes, to a route that reads it (the token may call it, so the body is read). */
export function slowBody(port: number, token: string): SlowClient {
  const head = 'POST /api/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n'
    + `Authorization: Bearer ${token}\r\nContent-Length: 100000\r\n\r\n{"role": "`;
  return slowClient(port, head, ' ');
}

/** One whole request on a keep-alive connection, then silence. */
export function idleKeepAlive(port: number): SlowClient {
  return slowClient(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n', null);
}
