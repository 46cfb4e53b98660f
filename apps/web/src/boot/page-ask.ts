// The page's very first script: a classic one, which the HTML parser runs where it finds it, at the top
// of <head>, instead of after the document like a module. On the 工作台 it restores the session and
// sends the three first GETs there and then; the boot script (boot.ts), which runs once the document is
// parsed, takes the answers from here (bench/web/README.md measures what this gains).
// Built as a stand-alone script (apps/web/vite.config.mts, `pageAsk`); keep its imports small.
import { askEarly, BootMessage } from './ask-early';
import { CSRF_COOKIE, readCookie, workbenchPaths, workbenchView } from './early';

const csrf = readCookie(CSRF_COOKIE);
const view = workbenchView(location);
if (csrf && view) {
  const asked: PageAsk = { paths: Object.values(workbenchPaths(view)), received: [] };
  window.__dubanPageAsk = asked;
  void askEarly(csrf, asked.paths, (m) => {
    asked.received.push(m);
    asked.listener?.(m);
  });
}

/** What this script asked for, the answers so far, and whom to tell of the next ones. */
export interface PageAsk {
  paths: string[];
  received: BootMessage[];
  listener?: (m: BootMessage) => void;
}

declare global {
  interface Window {
    __dubanPageAsk?: PageAsk;
  }
}
