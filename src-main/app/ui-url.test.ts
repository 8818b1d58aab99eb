import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, isAppUiUrl } from './ui-url';

const ui = 'file:///opt/integrador/resources/app.asar/dist/renderer/index.html';
const winUi =
  'file:///C:/Program%20Files/Integrador%20WinThor%20Ciashop/resources/app.asar/dist/renderer/index.html';

describe('isAppUiUrl', () => {
  it('accepts the UI itself, with any hash route or query', () => {
    expect(isAppUiUrl(ui, ui)).toBe(true);
    expect(isAppUiUrl(`${ui}#/pendencias?filial=1`, ui)).toBe(true);
    expect(isAppUiUrl(`${ui}?x=1`, ui)).toBe(true);
  });

  it('refuses other files, other schemes and missing URLs', () => {
    expect(isAppUiUrl('file:///opt/integrador/resources/app.asar/dist/renderer/other.html', ui)).toBe(false);
    expect(isAppUiUrl('file:///tmp/index.html', ui)).toBe(false);
    expect(isAppUiUrl('http://localhost:7585/', ui)).toBe(false);
    expect(isAppUiUrl('https://evil.example/dist/renderer/index.html', ui)).toBe(false);
    expect(isAppUiUrl('data:text/html,<h1>x</h1>', ui)).toBe(false);
    expect(isAppUiUrl('about:blank', ui)).toBe(false);
    expect(isAppUiUrl(undefined, ui)).toBe(false);
    expect(isAppUiUrl('', ui)).toBe(false);
    expect(isAppUiUrl('not a url', ui)).toBe(false);
  });

  it('refuses a file on another host (UNC share) with the same path', () => {
    expect(isAppUiUrl('file://server/opt/integrador/resources/app.asar/dist/renderer/index.html', ui)).toBe(
      false,
    );
  });

  it('refuses path tricks', () => {
    expect(isAppUiUrl(`${ui}/../../../../etc/passwd`, ui)).toBe(false);
    expect(isAppUiUrl(`${ui}.evil`, ui)).toBe(false);
  });

  it('compares Windows paths case-insensitively and with either escaping', () => {
    const shown =
      'file:///c:/program files/integrador winthor ciashop/resources/app.asar/dist/renderer/INDEX.html#/';
    expect(isAppUiUrl(shown, winUi, { caseInsensitive: true })).toBe(true);
    expect(isAppUiUrl(shown, winUi)).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it('passes http and https links only', () => {
    expect(externalUrlToOpen('https://www.ciashop.com.br/ajuda')).toBe('https://www.ciashop.com.br/ajuda');
    expect(externalUrlToOpen('http://localhost:7585/')).toBe('http://localhost:7585/');
    expect(externalUrlToOpen('file:///C:/Windows/System32/calc.exe')).toBeUndefined();
    expect(externalUrlToOpen('javascript:alert(1)')).toBeUndefined();
    expect(externalUrlToOpen('ms-msdt:/id')).toBeUndefined();
    expect(externalUrlToOpen('nonsense')).toBeUndefined();
  });
});
