import type { ParameterRules } from '../../winthor';
import { priceColumnFor } from './price-rule';
import { parseStockPercent } from './stock-rule';

/** The engine's reading of parameters 2829 and 4010, for the prerequisites screen (the same rules the sync uses). */
export const PARAMETER_RULES: ParameterRules = {
  stockPercent: parseStockPercent,
  priceColumn: priceColumnFor,
};
