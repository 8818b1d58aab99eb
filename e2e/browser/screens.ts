import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../artifacts/screens', import.meta.url));

/** Saves a full-page screenshot of the current screen as a test artifact (e2e/artifacts/screens). */
export const saveScreen = async (page: Page, name: string): Promise<string> => {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};
