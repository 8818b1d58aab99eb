import type { PossibleDuplicate } from '../../winthor';
import type { OrderProblem } from './order-input';

/** The pendência of an order that is already in WinThor (ADR 0214): nothing was staged. */
export const duplicateProblem = (storeOrderId: string, duplicate: PossibleDuplicate): OrderProblem => {
  const first =
    duplicate.numped !== null
      ? `o pedido ${duplicate.numped} do WinThor`
      : duplicate.numpedrca !== null
        ? `o registro aguardando importação no WinThor (PCPEDCFV, NUMPEDRCA ${duplicate.numpedrca})`
        : 'um pedido já lançado no WinThor';
  const where =
    duplicate.source === 'integrador'
      ? 'já foi gravado antes para o mesmo cliente e o mesmo total, com o endereço da loja escrito de outro jeito'
      : 'já existe no WinThor com o mesmo número do pedido na loja (NUMPEDCLI), RCA e cliente';
  return {
    kind: 'possivel_duplicado',
    message: `Pedido ${storeOrderId}: possível pedido duplicado — ${where}: é ${first}. Não foi gravado de novo.`,
    fix: `Confira ${first} no WinThor. Se for o mesmo pedido, ignore esta pendência; se for outro pedido de verdade (o cliente comprou o mesmo total de novo), use "Importar mesmo assim"; se o endereço da loja mudou (Configurações → Filiais), ele não precisa voltar ao que era: os pedidos novos seguem normalmente.`,
    params: {
      storeOrderId,
      ...(duplicate.numped !== null ? { numped: duplicate.numped } : {}),
      winthorOrder: duplicate.numped ?? '-',
      numpedrca: duplicate.numpedrca ?? '-',
      // What it is in WinThor (an order, our earlier staging, one typed there) and how it was found.
      context: duplicate.numped !== null ? 'numped' : duplicate.numpedrca !== null ? 'staged' : 'typed',
      how:
        duplicate.source === 'integrador'
          ? '@pendingPart.duplicateByIntegrator'
          : '@pendingPart.duplicateInWinthor',
    },
  };
};
