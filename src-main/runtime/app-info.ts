import { readFileSync } from 'node:fs';

interface PackageInfo {
  productName?: string;
  version: string;
}

let cached: PackageInfo | undefined;

/** Name and version from package.json (bundled builds inline them through esbuild's define). */
export const readPackageInfo = (): PackageInfo => {
  if (cached) return cached;
  const injected = (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__;
  if (injected) {
    cached = { productName: 'Integrador WinThor Ciashop', version: injected };
    return cached;
  }
  const url = new URL('../../package.json', import.meta.url);
  cached = JSON.parse(readFileSync(url, 'utf8')) as PackageInfo;
  return cached;
};
