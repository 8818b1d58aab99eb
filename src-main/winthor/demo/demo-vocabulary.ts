/** The words the demo seed builds names from: departments and sections, products, people. */

export const DEPARTMENTS: Array<[string, string[]]> = [
  ['MERCEARIA', ['GRAOS', 'MASSAS', 'ENLATADOS']],
  ['BEBIDAS', ['REFRIGERANTES', 'SUCOS', 'AGUAS']],
  ['LIMPEZA', ['LAVANDERIA', 'COZINHA', 'BANHEIRO']],
  ['HIGIENE', ['CABELOS', 'ORAL', 'SABONETES']],
  ['BAZAR', ['UTILIDADES', 'DESCARTAVEIS', 'PILHAS']],
  ['PAPELARIA INTERNA', ['ESCRITORIO', 'ARQUIVO', 'CADERNOS']],
];
export const ADJECTIVES = [
  'TRADICIONAL',
  'PREMIUM',
  'LIGHT',
  'INTEGRAL',
  'ZERO',
  'FAMILIA',
  'ECONOMICO',
  'EXTRA',
  'NATURAL',
  'ORIGINAL',
];
export const BRANDS = ['BOM SABOR', 'VIDA', 'SOL', 'PRIMOR', 'ALVORADA', 'SERRANA', 'CRISTAL', 'AURORA'];
export const PACKS: Array<[string, string, number]> = [
  ['UN', 'UN', 1],
  ['CX 12UN', 'CX', 12],
  ['PCT 5KG', 'PT', 1],
  ['FD 6X1L', 'FD', 6],
  ['GF 2L', 'UN', 1],
];
export const FIRST_NAMES = [
  'ANA',
  'BRUNO',
  'CARLA',
  'DIEGO',
  'ELISA',
  'FABIO',
  'GABRIELA',
  'HUGO',
  'IARA',
  'JOAO',
  'LUCAS',
  'MARIA',
];
export const LAST_NAMES = [
  'SILVA',
  'SOUZA',
  'OLIVEIRA',
  'PEREIRA',
  'COSTA',
  'RODRIGUES',
  'ALMEIDA',
  'NASCIMENTO',
];
