import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';

/** The configured branches as select options ("1 — Matriz"), with an "all" option first when asked. */
export const useBranchOptions = (withAll = true) => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const branches = settings.data?.branches ?? [];
  return [
    ...(withAll ? [{ value: '', label: t('filters.all') }] : []),
    ...branches.map((b) => ({ value: b.code, label: b.name ? `${b.code} — ${b.name}` : b.code })),
  ];
};

/** Entities and jobs as they appear in logs and pendências. */
export const ENTITY_OPTIONS = [
  'categories',
  'products',
  'prices',
  'stock',
  'customers',
  'orders',
  'orderStatus',
  'reconcile',
  'alerts',
] as const;
export const PENDING_ENTITY_OPTIONS = [
  'category',
  'product',
  'price',
  'stock',
  'customer',
  'order',
  'orderStatus',
] as const;
