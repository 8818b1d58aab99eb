const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The page shown instead of the UI when a login password is set and the browser has no session yet. */
export const loginPage = (error?: string): string => `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><title>Integrador WinThor Ciashop — Entrar</title>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0;background:#f1f3f5}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;min-width:320px}
label,input,button{display:block;width:100%;box-sizing:border-box;margin-top:.5rem}input,button{padding:.5rem}
.erro{color:#c92a2a}</style></head>
<body><form method="post" action="/auth/login"><h1>Integrador WinThor Ciashop</h1>
${error ? `<p class="erro" role="alert">${escapeHtml(error)}</p>` : ''}
<label for="password">Senha de acesso</label><input id="password" name="password" type="password" autofocus required>
<button type="submit">Entrar</button></form></body></html>`;

export const uiMissingPage = (): string => `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><title>Integrador WinThor Ciashop</title></head>
<body><h1>Integrador WinThor Ciashop</h1><p>A interface ainda não foi compilada. Execute <code>npm run build:ui</code>
(ou <code>npm run demo</code>, que compila e inicia) e recarregue esta página. A API está no ar.</p></body></html>`;
