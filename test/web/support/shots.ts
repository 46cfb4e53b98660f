import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from '@playwright/test';

const DIR = join(__dirname, '..', '..', '..', 'test-results', 'web', 'shots');

/**
 * With DUBAN_SHOTS=1: the page as it is now at desktop (1440) and phone (375) width, for a person to look at
 * (test-results/web/shots/<name>-desktop.png, -phone.png); the viewport is put back afterwards. Without it,
 * nothing (CI's time is short, and nothing asserts on these pictures).
 */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.DUBAN_SHOTS) return;
  mkdirSync(DIR, { recursive: true });
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: join(DIR, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: join(DIR, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(size);
}
