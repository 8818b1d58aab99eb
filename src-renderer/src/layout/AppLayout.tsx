import { AppShell, Burger, Group, NavLink, Select, Title, Badge } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useApiQuery, useLiveStatus } from '../api/hooks';
import { LANGUAGES } from '../i18n';
import { NAVIGATION, isGroup } from '../navigation';
import { EngineBadge } from './EngineBadge';
import { useLanguage } from './use-language';

export const AppLayout = () => {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const status = useApiQuery('app.status', {});
  const { language, changeLanguage } = useLanguage();
  useLiveStatus();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={4}>{t('app.title')}</Title>
            {status.data?.demo && <Badge color="grape">{t('app.demo')}</Badge>}
            {status.data && <EngineBadge state={status.data.engine.state} />}
          </Group>
          <Select
            aria-label={t('app.language')}
            data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
            value={language}
            onChange={(value) => value && changeLanguage(value)}
            w={190}
            allowDeselect={false}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Menu principal">
        {NAVIGATION.map((entry) =>
          isGroup(entry) ? (
            <NavLink key={entry.key} label={t(`nav.${entry.key}`)} defaultOpened childrenOffset={16}>
              {entry.children.map((child) => (
                <NavLink
                  key={child.key}
                  component={RouterLink}
                  to={child.path}
                  label={t(`nav.${child.key}`)}
                  active={location.pathname === child.path}
                />
              ))}
            </NavLink>
          ) : (
            <NavLink
              key={entry.key}
              component={RouterLink}
              to={entry.path}
              label={t(`nav.${entry.key}`)}
              active={location.pathname === entry.path}
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
};
