/**
 * A listening TCP socket that answers nothing and records everything that arrives: how many
 * connections were opened and every byte sent on them. Proves that a refused request left
 * nothing on the wire (no connection at all), not just that it failed.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface RecordingSocket {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Everything received, all connections together, as latin1 text. */
  received(): string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (a free port); `onConnection` may answer (default: silence). */
export async function startRecordingSocket(
  onConnection: (socket: Socket) => void = () => undefined,
): Promise<RecordingSocket> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    received: () => Buffer.concat(chunks).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
