import type { BranchMappings } from '../../contract';

/**
 * The demo branches' mappings of the sandbox store's codes to the demo WinThor's PCCOB, PCPLPAG and carriers
 * (PCFORNEC 9 to 11): every payment method, instalment count and shipping method the demo store's orders
 * use, so every paid order of a fresh demo imports (ADR 0221). The catalogue's barcode typos still show a
 * pendência; removing a mapping here (or on its screen) shows an order waiting on one.
 */
export const DEMO_MAPPINGS: BranchMappings = {
  billing: [
    { storeCode: 'CreditCard', winthorCode: 'CART', description: 'Cartão de crédito' },
    { storeCode: 'DebitCard', winthorCode: 'DEB', description: 'Cartão de débito' },
    { storeCode: 'Boleto', winthorCode: 'BK', description: 'Boleto bancário' },
    { storeCode: 'Pix', winthorCode: 'PIX', description: 'Pix' },
  ],
  plans: [
    { storeCode: '1', winthorCode: '1', description: 'À vista' },
    { storeCode: 'CreditCard:2', winthorCode: '22', description: '2x no cartão' },
    { storeCode: 'CreditCard:3', winthorCode: '3', description: '3x sem juros' },
    { storeCode: 'CreditCard:4', winthorCode: '24', description: '4x no cartão' },
    { storeCode: 'CreditCard:5', winthorCode: '25', description: '5x no cartão' },
    { storeCode: 'CreditCard:6', winthorCode: '26', description: '6x no cartão' },
  ],
  carriers: [
    { storeCode: '1', winthorCode: '9', description: 'Correios PAC' },
    { storeCode: '2', winthorCode: '9', description: 'Correios SEDEX' },
    { storeCode: '3', winthorCode: '10', description: 'Jadlog' },
    { storeCode: '4', winthorCode: '11', description: 'Retirada na loja' },
  ],
};
