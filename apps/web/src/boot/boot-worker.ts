// The boot script's requests, off the main thread: while the page's main thread parses and runs the
// app (the 总台账), this worker restores the session and sends the page's first GETs the moment the
// session is back, instead of waiting for the main thread to be free to read the refresh answer (bench/web).
import { askEarly } from './ask-early';

onmessage = async (e: MessageEvent<{ csrf: string; paths: string[] }>) => {
  await askEarly(e.data.csrf, e.data.paths, (m) => postMessage(m));
  close();
};
