import type { BranchMappings } from '../../contract';

/**
 * The demo branches' mappings of the sandbox store's codes to the demo WinThor's PCCOB, PCPLPAG and carriers
 * (PCFORNEC 9 and 10). Some codes are left out on purpose — debit card, 2/4/5/6 installments, pickup — so
 * the demo shows orders waiting on a mapping and the mapping screens' warnings.
 */
export const DEMO_MAPPINGS: BranchMappings = {
  billing: [
    { storeCode: 'CreditCard', winthorCode: 'CART', description: 'Cartão de crédito' },
    { storeCode: 'Boleto', winthorCode: 'BK', description: 'Boleto bancário' },
    { storeCode: 'Pix', winthorCode: 'PIX', description: 'Pix' },
  ],
  plans: [
    { storeCode: '1', winthorCode: '1', description: 'À vista' },
    { storeCode: 'CreditCard:3', winthorCode: '3', description: '3x sem juros' },
  ],
  carriers: [
    { storeCode: '1', winthorCode: '9', description: 'Correios PAC' },
    { storeCode: '2', winthorCode: '9', description: 'Correios SEDEX' },
    { storeCode: '3', winthorCode: '10', description: 'Jadlog' },
  ],
};
