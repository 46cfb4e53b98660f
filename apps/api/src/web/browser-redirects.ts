import type { NextFunction, Request, Response } from 'express';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const OLD_LINKS: [RegExp, (m: RegExpExecArray) => string][] = [
  [new RegExp(`^/tasks/(${UUID})/?$`), (m) => `/app/items/${m[1]}`],
  [/^\/tasks\/?$/, () => '/app/workbench'],
];

/**
 * Mails sent before the web app linked to API paths (/tasks/:id). A person opening such a link
 * (a browser navigation: GET, asks for HTML, no Authorization header) is sent to the page;
 * API clients get the API as before.
 */
export function redirectBrowserNavigation(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' || req.headers.authorization || !/\btext\/html\b/.test(req.headers.accept ?? '')) return next();
  for (const [pattern, to] of OLD_LINKS) {
    const m = pattern.exec(req.path);
    if (m) return res.redirect(302, to(m));
  }
  next();
}
