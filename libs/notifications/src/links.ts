// The addresses mails point people to: pages of the web app (apps/web, served under /app), never
// API paths, so a link opens a page and an item link without a session goes through login.

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

export const itemPageUrl = (publicUrl: string, taskId: string) => `${base(publicUrl)}/app/items/${taskId}`;

/** The page that shows the item and a 签收 button; opening it acknowledges nothing. */
export const ackPageUrl = (publicUrl: string, token: string) => `${base(publicUrl)}/app/ack/${token}`;

export const workbenchUrl = (publicUrl: string) => `${base(publicUrl)}/app/workbench`;
