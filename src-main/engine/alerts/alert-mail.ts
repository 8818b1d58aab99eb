import type { AlertFacts } from './alert-facts';
import { alertLines, alertLink, alertTitle } from './alert-text';

export const PRODUCT = 'Integrador WinThor Ciashop';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const COLOR: Record<string, string> = {
  job_failed: '#c92a2a',
  job_still_failing: '#c92a2a',
  database_unreachable: '#c92a2a',
  job_recovered: '#2b8a3e',
  database_recovered: '#2b8a3e',
  engine_held: '#c92a2a',
  engine_released: '#2b8a3e',
};

/** The alert as a pt-BR mail, in text and in HTML, with a link to the screen that shows it (ADR 0027). */
export const renderAlertMail = (
  facts: AlertFacts,
  uiUrl: string,
): { subject: string; text: string; html: string } => {
  const title = alertTitle(facts);
  const lines = alertLines(facts);
  const link = alertLink(facts, uiUrl);
  const text = [title, '', ...lines, '', `Abrir no integrador: ${link}`, '', `— ${PRODUCT}`].join('\n');
  const color = COLOR[facts.kind] ?? '#e67700';
  const html = `<!doctype html><html lang="pt-BR"><body style="font-family:Segoe UI,Arial,sans-serif;color:#212529">
<h2 style="color:${color};margin:0 0 12px">${escapeHtml(title)}</h2>
${lines.map((line) => `<p style="margin:6px 0">${escapeHtml(line)}</p>`).join('\n')}
<p style="margin:16px 0"><a href="${escapeHtml(link)}" style="background:#1c7ed6;color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none">Abrir no integrador</a></p>
<p style="color:#868e96;font-size:12px">${escapeHtml(PRODUCT)} — alerta enviado em mudanças de estado, não a cada execução.</p>
</body></html>`;
  return { subject: `[${PRODUCT}] ${title}`, text, html };
};
