import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ReminderRig } from '../reminders/reminder-rig';

export interface RobotPost {
  path: string;
  body: unknown;
}

/** A chat robot on loopback that records what it is sent (path with its key, and the JSON body). */
export interface Robot {
  port: number;
  /** The robot's send URL with key=test. */
  url: string;
  posts: RobotPost[];
  server: Server;
}

export async function startRobot(): Promise<Robot> {
  const posts: RobotPost[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: data ? JSON.parse(data) : null });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test`, posts, server };
}

/**
 * A robot plus a reminder rig whose policy sends one reminder to the lead unit at the deadline, by
 * webhook and inbox, with a worker running. The robot is on loopback, which only an allowed host may
 * be: WEBHOOK_ALLOWED_HOSTS is 127.0.0.1 (the name localhost, which resolves to it, is not allowed).
 */
export async function startRobotRig(): Promise<{ robot: Robot; rig: ReminderRig; close(): Promise<void> }> {
  const robot = await startRobot();
  let rig: ReminderRig | undefined;
  try {
    rig = await ReminderRig.start({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    await rig.setPolicy([{ offset: 'PT0S', kind: 'remind', audience: 'lead', channels: ['webhook', 'inbox'] }]);
    await rig.startWorker();
  } catch (e) {
    await rig?.close();
    robot.server.close();
    throw e;
  }
  const started = rig;
  return {
    robot,
    rig: started,
    close: async () => {
      await started.close();
      robot.server.close();
    },
  };
}
