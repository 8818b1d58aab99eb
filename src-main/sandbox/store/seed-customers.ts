import { makeCnpj, makeCpf } from './documents';
import { pick, seededRandom } from './seeded-random';

export interface SandboxAddress {
  street: string;
  streetNumber: string;
  streetComplement: string;
  district: string;
  city: string;
  state: string;
  country: string;
  zipCode: string;
  reference: string;
  ibgeCode: string;
}

export interface SandboxCustomer {
  id: number;
  name: string;
  email: string;
  customerType: 'person' | 'company';
  documentType: 'CPF' | 'CNPJ';
  documentId: string;
  regionalDocumentType: 'RG' | 'IE';
  regionalDocumentId: string;
  regionalDocumentState: string;
  gender: string;
  dateOfBirth: string | null;
  phoneAreaCode: string;
  phoneNumber: string;
  billingAddress: SandboxAddress;
  shippingAddresses: Array<SandboxAddress & { recipientName: string; main: boolean }>;
  createdAt: string;
  updatedAt: string;
}

const FIRST = [
  'Ana',
  'João',
  'Maria',
  'Pedro',
  'Juliana',
  'Carlos',
  'Fernanda',
  'Lucas',
  'Patrícia',
  'Rafael',
  'Beatriz',
  'Marcos',
  'Camila',
  'Gustavo',
  'Larissa',
  'Thiago',
];
const LAST = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
];
const COMPANIES = [
  'Comercial Aurora Ltda',
  'Mercadinho Bom Preço ME',
  'Distribuidora Horizonte Ltda',
  'Papelaria Central EIRELI',
  'Casa & Construção Ltda',
];
const STREETS = [
  'Rua das Flores',
  'Avenida Brasil',
  'Rua XV de Novembro',
  'Rua Sete de Setembro',
  'Avenida Paulista',
  'Rua Goiás',
  'Avenida Afonso Pena',
  'Rua da Bahia',
];
const DISTRICTS = [
  'Centro',
  'Jardim América',
  'Savassi',
  'Boa Viagem',
  'Setor Bueno',
  'Bela Vista',
  'Funcionários',
];
/** city, state, IBGE code, CEP prefix, area code */
const CITIES: ReadonlyArray<[string, string, string, string, string]> = [
  ['São Paulo', 'SP', '3550308', '01310', '11'],
  ['Belo Horizonte', 'MG', '3106200', '30130', '31'],
  ['Goiânia', 'GO', '5208707', '74210', '62'],
  ['Recife', 'PE', '2611606', '51020', '81'],
  ['Curitiba', 'PR', '4106902', '80010', '41'],
  ['Porto Alegre', 'RS', '4314902', '90010', '51'],
  ['Salvador', 'BA', '2927408', '40020', '71'],
  ['Fortaleza', 'CE', '2304400', '60060', '85'],
];

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

export const seedCustomers = (seed: number, count: number): SandboxCustomer[] => {
  const random = seededRandom(seed ^ 0x5eed);
  const customers: SandboxCustomer[] = [];
  for (let index = 0; index < count; index += 1) {
    const company = index % 6 === 5;
    const name = company
      ? pick(random, COMPANIES)
      : `${pick(random, FIRST)} ${pick(random, LAST)} ${pick(random, LAST)}`;
    const [city, state, ibgeCode, cep, area] = pick(random, CITIES);
    const address: SandboxAddress = {
      street: pick(random, STREETS),
      streetNumber: String(10 + Math.floor(random() * 2000)),
      streetComplement: random() < 0.3 ? `Apto ${100 + Math.floor(random() * 900)}` : '',
      district: pick(random, DISTRICTS),
      city,
      state,
      country: 'BR',
      zipCode: `${cep}${String(Math.floor(random() * 1000)).padStart(3, '0')}`,
      reference: '',
      ibgeCode,
    };
    const created = new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 300))).toISOString();
    customers.push({
      id: 5001 + index,
      name,
      email: `${slug(name)}${index}@exemplo.com.br`,
      customerType: company ? 'company' : 'person',
      documentType: company ? 'CNPJ' : 'CPF',
      documentId: company ? makeCnpj(random) : makeCpf(random),
      regionalDocumentType: company ? 'IE' : 'RG',
      regionalDocumentId: company ? 'ISENTO' : String(1_000_000 + Math.floor(random() * 8_999_999)),
      regionalDocumentState: state,
      gender: company ? '' : random() < 0.5 ? 'F' : 'M',
      dateOfBirth: company
        ? null
        : `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      phoneAreaCode: area,
      phoneNumber: `9${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      billingAddress: address,
      shippingAddresses: [{ ...address, recipientName: name, main: true }],
      createdAt: created,
      updatedAt: created,
    });
  }
  return customers;
};
