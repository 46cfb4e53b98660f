import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A chat robot for the browser tests: keeps every JSON body POSTed to it; `status` is what it answers. */
export class Robot {
  readonly received: unknown[] = [];
  status = 200;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Robot> {
    const server = createServer();
    const robot = new Robot(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        robot.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
        res.writeHead(robot.status, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return robot;
  }

  url(key: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=${key}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
