// The page's first requests: restore the session from the refresh cookie, then send the page's first
// GETs the moment it is back. Run on the 工作台 by the page's classic first script while the document is
// parsed (page-ask.ts; by boot.ts itself on the dev server), and on the 总台账 in the boot worker
// (boot-worker.ts) while the app is evaluated.
import { postRefresh } from './early';

/** An answer, as the main thread rebuilds it into a Response. */
export interface Answer {
  status: number;
  body: string;
}

/** The session first ({ session }), then each GET as it comes back ({ index, answer }). */
export type BootMessage = { session: Answer | null } | { index: number; answer: Answer | null };

const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: await res.text() });

export async function askEarly(csrf: string, paths: string[], post: (m: BootMessage) => void): Promise<void> {
  let session: Answer | null = null;
  try {
    session = await answer(await postRefresh(csrf));
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
  // The receiver takes a missing answer as "ask again"; every path gets one.
  if (!accessToken) {
    paths.forEach((_p, index) => post({ index, answer: null }));
    return;
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
}
