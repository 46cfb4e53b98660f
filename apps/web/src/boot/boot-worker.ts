// The boot script's requests, off the main thread: while the page's main thread parses and runs the
// app, this worker restores the session and sends the page's first GETs the moment the session is
// back, instead of waiting for the main thread to be free to read the refresh answer (bench/web).
import { REFRESH_LOCK } from './early';

/** An answer, as the main thread rebuilds it into a Response. */
export interface Answer {
  status: number;
  body: string;
}

/** From the worker: the session first ({ session }), then each GET as it comes back ({ index, answer }). */
export type BootMessage = { session: Answer | null } | { index: number; answer: Answer | null };

const post = (m: BootMessage) => postMessage(m);
const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: await res.text() });

onmessage = async (e: MessageEvent<{ csrf: string; paths: string[] }>) => {
  const { csrf, paths } = e.data;
  const refresh = () => fetch('/auth/session/refresh', { method: 'POST', headers: { 'x-csrf-token': csrf, accept: 'application/json' }, credentials: 'same-origin' });
  let session: Answer | null = null;
  try {
    // One tab at a time: the refresh token rotates (see auth/session.ts).
    session = await answer(await (navigator.locks ? navigator.locks.request(REFRESH_LOCK, refresh) : refresh()));
  } catch {
    // offline: the app decides what to show
  }
  post({ session });
  let accessToken: string | undefined;
  try {
    accessToken = session?.status === 200 ? (JSON.parse(session.body) as { accessToken?: string }).accessToken : undefined;
  } catch {
    // not the answer expected: the app asks for its data itself
  }
  // The main thread takes a missing answer as "ask again"; every path gets one.
  if (!accessToken) {
    paths.forEach((_p, index) => post({ index, answer: null }));
    return close();
  }
  await Promise.all(
    paths.map(async (path, index) => {
      try {
        post({ index, answer: await answer(await fetch(path, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } })) });
      } catch {
        post({ index, answer: null });
      }
    }),
  );
  close();
};
