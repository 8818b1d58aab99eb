import { HashRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { DashboardPage } from './pages/DashboardPage';
import { DatabasePage } from './pages/database/DatabasePage';
import { MappingPage } from './pages/mappings/MappingPage';
import { SchedulePage } from './pages/schedule/SchedulePage';
import { EmailPage } from './pages/email/EmailPage';
import { LogsPage } from './pages/logs/LogsPage';
import { PendingsPage } from './pages/pendings/PendingsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { SetupPage } from './pages/setup/SetupPage';

/** Hash routing: the same build works from file:// (desktop window) and http://localhost:7585 (browser). */
export const App = () => (
  <HashRouter>
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="primeiros-passos" element={<SetupPage />} />
        <Route path="configuracao" element={<SettingsPage />} />
        <Route path="cadastrar/email" element={<EmailPage />} />
        <Route path="cadastrar/agendamento" element={<SchedulePage />} />
        <Route path="cadastrar/cobranca" element={<MappingPage kind="billing" />} />
        <Route path="cadastrar/plano-pagamento" element={<MappingPage kind="plans" />} />
        <Route path="cadastrar/transportadora" element={<MappingPage kind="carriers" />} />
        <Route path="monitorar/logs" element={<LogsPage />} />
        <Route path="monitorar/pendencias" element={<PendingsPage />} />
        <Route path="banco-de-dados" element={<DatabasePage />} />
        <Route path="*" element={<DashboardPage />} />
      </Route>
    </Routes>
  </HashRouter>
);
