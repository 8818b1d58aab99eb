import type { DEFAULT_PARAMETER_NAMES } from '../../contract';

/** Parameter values of the demo (PCPARAMFILIAL): company level '99', branch '2' overrides two. */
export const DEMO_PARAMETERS: Array<{
  param: keyof typeof DEFAULT_PARAMETER_NAMES;
  branch: string;
  value: string;
}> = [
  { param: '2829', branch: '99', value: '100' },
  { param: '2829', branch: '2', value: '80' },
  { param: '4008', branch: '99', value: 'CART' },
  { param: '4009', branch: '99', value: '1' },
  { param: '4010', branch: '99', value: '1' },
  { param: '4010', branch: '2', value: '2' },
  { param: '4011', branch: '99', value: '1' },
  { param: '4012', branch: '99', value: '99' },
  { param: '4013', branch: '99', value: '2' },
  { param: '4014', branch: '99', value: '' },
];
