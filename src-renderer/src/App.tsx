import { HashRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { DashboardPage } from './pages/DashboardPage';
import { DatabasePage } from './pages/database/DatabasePage';
import { MappingPage } from './pages/mappings/MappingPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { SchedulePage } from './pages/schedule/SchedulePage';
import { SettingsPage } from './pages/settings/SettingsPage';

/** Hash routing: the same build works from file:// (desktop window) and http://localhost:7585 (browser). */
export const App = () => (
  <HashRouter>
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="configuracao" element={<SettingsPage />} />
        <Route path="cadastrar/email" element={<PlaceholderPage titleKey="nav.email" />} />
        <Route path="cadastrar/agendamento" element={<SchedulePage />} />
        <Route path="cadastrar/cobranca" element={<MappingPage kind="billing" />} />
        <Route path="cadastrar/plano-pagamento" element={<MappingPage kind="plans" />} />
        <Route path="cadastrar/transportadora" element={<MappingPage kind="carriers" />} />
        <Route path="monitorar/logs" element={<PlaceholderPage titleKey="nav.logs" />} />
        <Route path="monitorar/pendencias" element={<PlaceholderPage titleKey="nav.pending" />} />
        <Route path="banco-de-dados" element={<DatabasePage />} />
        <Route path="*" element={<DashboardPage />} />
      </Route>
    </Routes>
  </HashRouter>
);
