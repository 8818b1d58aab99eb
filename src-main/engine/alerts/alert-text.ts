import { jobLabel } from '../job-runner';
import type { AlertFacts, EngineHold } from './alert-facts';

const pad = (n: number) => String(n).padStart(2, '0');
/** "05/12/2026 10:02" in the machine's local time (how the operators read WinThor's own times). */
export const brDateTime = (date: Date): string =>
  `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** "2 h 15 min", "40 min", "3 dias". */
export const brDuration = (ms: number): string => {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} dias`;
};

const ENTITY_LABEL: Record<string, string> = {
  product: 'produtos',
  price: 'preços',
  stock: 'estoque',
  category: 'categorias',
  customer: 'clientes',
  order: 'pedidos',
  orderStatus: 'posição dos pedidos',
};
export const entityLabel = (entity: string): string => ENTITY_LABEL[entity] ?? entity;

/** Why the engine is held, in one pt-BR sentence (health line, tray, mail). */
export const holdText = (hold: EngineHold): string => {
  const versions = `versão ${hold.installed} no banco, ${hold.target} nesta versão do integrador`;
  switch (hold.reason) {
    case 'declined':
      return `Sincronização parada: as tabelas da integração precisam ser atualizadas (${versions}) e a atualização foi adiada`;
    case 'owner':
      return `Sincronização parada: as tabelas da integração precisam ser atualizadas pelo DBA (${versions})`;
    case 'failed':
      return `Sincronização parada: a atualização das tabelas da integração falhou (${versions})`;
    case 'newer':
      return `Sincronização parada: as tabelas da integração são de uma versão mais nova do integrador (${versions})`;
  }
};

const HOLD_FIX: Record<EngineHold['reason'], string> = {
  declined:
    'Em Banco de Dados, use "Criar Tabelas / Sequences / Triggers" num horário calmo do WinThor; o integrador verifica a cada minuto e continua sozinho.',
  owner:
    'Entregue ao DBA o script de Banco de Dados → "Criar Tabelas / Sequences / Triggers" (visualizar script) para rodar como dono do esquema; o integrador verifica a cada minuto e continua sozinho.',
  failed:
    'Veja o erro em Monitorar → Logs, corrija a causa e use "Criar Tabelas / Sequences / Triggers" em Banco de Dados; o integrador verifica a cada minuto e continua sozinho.',
  newer:
    'Instale de novo a versão mais nova do integrador nesta máquina (e em qualquer outra que use este banco); voltar para uma versão anterior não é suportado.',
};

const where = (facts: AlertFacts) => (facts.branch ? `filial ${facts.branch.code}` : 'integrador');

/** The fix in words when the failure itself brought none. */
const DEFAULT_FIX: Partial<Record<AlertFacts['kind'], string>> = {
  job_failed:
    'Veja a execução pelo link abaixo (Monitorar → Logs). O integrador tenta de novo a cada execução agendada e nada do que está na fila se perde; se a loja estiver fora do ar, basta esperar.',
  job_still_failing:
    'Veja a última execução pelo link abaixo. Se a mensagem fala da loja, confira o Painel (conexão e limite de chamadas); se fala do banco ou de um cadastro, corrija-o no WinThor.',
  new_pending_kind: 'Abra as pendências deste tipo pelo link abaixo: cada uma diz o que corrigir no WinThor.',
  budget_exhausted:
    'Nada a fazer: o envio continua na próxima hora, pela ordem de prioridade (pedidos primeiro).',
  database_unreachable:
    'Confira se o servidor Oracle está no ar e acessível deste computador (Banco de Dados → Testar conexão).',
  order_cancelled_after_import:
    'Cancele o pedido também no WinThor (ou confira a nota, se já foi faturado) e trate o estorno com o cliente.',
};

/** The one-line title (mail subject after the product name; tray notification title). */
export const alertTitle = (facts: AlertFacts): string => {
  const job = facts.job ? jobLabel(facts.job) : '';
  switch (facts.kind) {
    case 'job_failed':
      return `${job} falhou (${where(facts)})`;
    case 'job_still_failing':
      return `${job} continua falhando há ${brDuration(facts.at.getTime() - (facts.since ?? facts.at).getTime())} (${where(facts)})`;
    case 'job_recovered':
      return `${job} voltou a funcionar (${where(facts)})`;
    case 'new_pending_kind':
      return `Novo tipo de pendência em ${entityLabel(facts.entity ?? '')}: ${facts.pendingKind} (${where(facts)})`;
    case 'budget_exhausted':
      return `Limite de chamadas da loja esgotado nesta hora (${where(facts)})`;
    case 'database_unreachable':
      return `Banco de dados do WinThor inacessível`;
    case 'database_recovered':
      return `Banco de dados do WinThor acessível de novo`;
    case 'engine_held':
      return `Sincronização parada pela verificação das tabelas da integração`;
    case 'engine_released':
      return `Sincronização retomada: tabelas da integração em dia`;
    case 'order_cancelled_after_import':
      return `Pedido ${facts.storeOrderId} cancelado na loja depois de importado no WinThor (${where(facts)})`;
    case 'daily_summary':
      return `Resumo diário (${where(facts)})`;
    case 'test':
      return `E-mail de teste (${where(facts)})`;
  }
};

/** The paragraphs of the alert: what failed, since when, how many items, the fix in words. */
export const alertLines = (facts: AlertFacts): string[] => {
  const lines: string[] = [];
  const branch = facts.branch
    ? `Filial ${facts.branch.code}${facts.branch.name ? ` — ${facts.branch.name}` : ''}`
    : null;
  if (branch) lines.push(branch);
  const items = facts.items
    ? `${facts.items} item(ns) aguardando (alterações na fila e pendências abertas).`
    : null;
  switch (facts.kind) {
    case 'job_failed':
      lines.push(`O que falhou: a sincronização de ${jobLabel(facts.job!).toLowerCase()}.`);
      lines.push(`Desde: ${brDateTime(facts.since ?? facts.at)} (primeira falha).`);
      if (facts.message) lines.push(`Mensagem: ${facts.message}`);
      if (items) lines.push(items);
      break;
    case 'job_still_failing':
      lines.push(`O que falha: a sincronização de ${jobLabel(facts.job!).toLowerCase()}.`);
      lines.push(
        `Desde: ${brDateTime(facts.since ?? facts.at)} (há ${brDuration(facts.at.getTime() - (facts.since ?? facts.at).getTime())}).`,
      );
      if (facts.message) lines.push(`Última mensagem: ${facts.message}`);
      if (items) lines.push(items);
      break;
    case 'job_recovered':
      lines.push(
        `A sincronização de ${jobLabel(facts.job!).toLowerCase()} voltou a funcionar em ${brDateTime(facts.at)}.`,
      );
      if (facts.since)
        lines.push(
          `Ficou com falha de ${brDateTime(facts.since)} a ${brDateTime(facts.at)} (${brDuration(facts.at.getTime() - facts.since.getTime())}).`,
        );
      lines.push('O que ficou na fila é enviado pelas próximas execuções; nada se perdeu.');
      break;
    case 'new_pending_kind':
      lines.push(
        `Um tipo de pendência que não havia aparece agora: ${facts.pendingKind} (${entityLabel(facts.entity ?? '')}).`,
      );
      lines.push(`Pendências abertas deste tipo: ${facts.count ?? 0}.`);
      if (facts.message) lines.push(`Exemplo: ${facts.message}`);
      break;
    case 'budget_exhausted':
      lines.push(
        facts.until
          ? `A loja respondeu 429 (limite de chamadas esgotado${facts.limit ? `, ${facts.limit} por hora` : ''}) e pediu uma pausa até ${brDateTime(facts.until)}: o integrador não chama a loja até lá e continua de onde parou.`
          : `A loja não aceita mais chamadas nesta hora${facts.limit ? ` (limite de ${facts.limit} por hora)` : ''}: o integrador espera a próxima hora e continua de onde parou.`,
      );
      if (items) lines.push(items);
      break;
    case 'database_unreachable':
      lines.push(`Desde: ${brDateTime(facts.since ?? facts.at)}.`);
      if (facts.message) lines.push(`Mensagem: ${facts.message}`);
      lines.push(
        'Nenhuma sincronização roda enquanto o banco não responde; as alterações do WinThor ficam na fila.',
      );
      break;
    case 'engine_held':
      lines.push(`${holdText(facts.hold!)}.`);
      lines.push(`Desde: ${brDateTime(facts.since ?? facts.at)}.`);
      if (facts.hold?.detail) lines.push(`Mensagem: ${facts.hold.detail}`);
      lines.push(
        'Nenhuma sincronização roda até lá (pedidos, estoque, preços…); as alterações do WinThor ficam na fila.',
      );
      break;
    case 'engine_released':
      lines.push(
        `As tabelas da integração estão em dia: a sincronização voltou a rodar em ${brDateTime(facts.at)}.`,
      );
      if (facts.since)
        lines.push(`Ficou parada por ${brDuration(facts.at.getTime() - facts.since.getTime())}.`);
      break;
    case 'database_recovered':
      lines.push(`O banco respondeu de novo em ${brDateTime(facts.at)}.`);
      if (facts.since)
        lines.push(`Ficou inacessível por ${brDuration(facts.at.getTime() - facts.since.getTime())}.`);
      break;
    case 'order_cancelled_after_import':
      lines.push(
        `O pedido ${facts.storeOrderId} foi cancelado na loja depois de chegar ao WinThor${facts.numped ? ` (NUMPED ${facts.numped})` : ''}.`,
      );
      if (facts.message) lines.push(facts.message);
      break;
    case 'daily_summary': {
      const s = facts.summary!;
      lines.push(
        `Últimas 24 horas: ${s.runs.ok} execuções sem erro, ${s.runs.partial} com pendências, ${s.runs.failed} com falha; ${s.storeCalls} chamadas à loja.`,
      );
      lines.push(
        s.failingJobs.length
          ? `Falhando agora: ${s.failingJobs.map((j) => jobLabel(j)).join(', ')}.`
          : 'Nenhuma tarefa falhando agora.',
      );
      lines.push(
        s.openPendings.length
          ? `Pendências abertas: ${s.openPendings.map((p) => `${p.kind} (${entityLabel(p.entity)}): ${p.count}`).join('; ')}.`
          : 'Nenhuma pendência aberta.',
      );
      break;
    }
    case 'test':
      lines.push(
        'Este é um e-mail de teste do Integrador WinThor Ciashop: o envio de alertas está funcionando.',
      );
      break;
  }
  const fix =
    facts.fix ??
    (facts.kind === 'engine_held' && facts.hold ? HOLD_FIX[facts.hold.reason] : DEFAULT_FIX[facts.kind]);
  if (fix) lines.push(`Como resolver: ${fix}`);
  if (facts.suppressed)
    lines.push(
      `${facts.suppressed} outro(s) alerta(s) desta filial não foram enviados na última hora (limite de e-mails por hora); veja o Painel.`,
    );
  return lines;
};

/** Where the alert's screen is, under the integrator's address. */
export const alertLink = (facts: AlertFacts, uiUrl: string): string => {
  const base = uiUrl.replace(/\/+$/, '');
  const branch = facts.branch ? `branch=${encodeURIComponent(facts.branch.code)}` : '';
  const query = (...parts: string[]) => {
    const joined = parts.filter(Boolean).join('&');
    return joined ? `?${joined}` : '';
  };
  switch (facts.kind) {
    case 'job_failed':
    case 'job_still_failing':
    case 'job_recovered':
      return `${base}/#/monitorar/logs${query(branch, facts.runId ? `run=${facts.runId}` : '')}`;
    case 'new_pending_kind':
      return `${base}/#/monitorar/pendencias${query(branch, `kind=${encodeURIComponent(facts.pendingKind ?? '')}`)}`;
    case 'order_cancelled_after_import':
      return `${base}/#/monitorar/pendencias${query(branch, `kind=${encodeURIComponent(facts.pendingKind ?? '')}`, `text=${encodeURIComponent(facts.storeOrderId ?? '')}`)}`;
    case 'database_unreachable':
    case 'database_recovered':
    case 'engine_held':
    case 'engine_released':
      return `${base}/#/banco-de-dados`;
    default:
      return `${base}/#/`;
  }
};
