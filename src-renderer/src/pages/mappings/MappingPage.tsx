import { Alert, Loader, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingKind } from '@contract';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { MappingEditor } from './MappingEditor';

const TITLES: Record<MappingKind, string> = {
  billing: 'nav.billing',
  plans: 'nav.paymentPlan',
  carriers: 'nav.carrier',
};

/**
 * Cadastrar → Cobrança, Plano de Pagamento, Transportadora (seed §6–8): per branch, the store's codes ↔
 * WinThor's codes (ADR 0023).
 */
export const MappingPage = ({ kind }: { kind: MappingKind }) => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const [picked, setPicked] = useState<string | null>(null);
  const branches = settings.data?.branches ?? [];
  const branch = branches.find((candidate) => candidate.code === picked) ?? branches[0];

  return (
    <>
      <PageTitle>{t(TITLES[kind])}</PageTitle>
      <Text c="dimmed" mb="md" maw={900}>
        {t(`mappings.kinds.${kind}.intro`)}
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <Loader aria-label={t('errors.loading')} />}
      {settings.data && branches.length === 0 && <Alert color="yellow">{t('mappings.noBranches')}</Alert>}
      {branch && (
        <>
          <Select
            label={t('mappings.branch')}
            description={t('mappings.branchHint')}
            data={branches.map((candidate) => ({
              value: candidate.code,
              label: candidate.name ? `${candidate.code} — ${candidate.name}` : candidate.code,
            }))}
            value={branch.code}
            onChange={setPicked}
            allowDeselect={false}
            w={320}
            mb="md"
          />
          <MappingEditor key={branch.code} kind={kind} branch={branch.code} rows={branch.mappings[kind]} />
        </>
      )}
    </>
  );
};
