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
  // Why one may import it anyway, by where the copy was found (ADR 0219). A repeat purchase is never the
  // reason: it gets a new store order id. In our own records under another store key it is almost surely the
  // same order; in WinThor, an order typed by hand may carry the same number.
  const anyway =
    duplicate.source === 'integrador'
      ? 'é quase certamente o mesmo pedido: só importe mesmo assim se forem lojas diferentes (o endereço passou a ser de outra loja)'
      : 'se o número do pedido na loja coincide com um pedido lançado à mão no WinThor (outro pedido de verdade), use "Importar mesmo assim"';
  return {
    kind: 'possivel_duplicado',
    message: `Pedido ${storeOrderId}: possível pedido duplicado — ${where}: é ${first}. Não foi gravado de novo.`,
    fix: `Confira ${first} no WinThor. Se for o mesmo pedido, ignore esta pendência; ${anyway}; se o endereço da loja mudou (Configurações → Filiais), ele não precisa voltar ao que era: os pedidos novos seguem normalmente.`,
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
      anyway:
        duplicate.source === 'integrador'
          ? '@pendingPart.anywayByIntegrator'
          : '@pendingPart.anywayInWinthor',
    },
  };
};
