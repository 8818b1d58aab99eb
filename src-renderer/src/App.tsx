import { HashRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { DashboardPage } from './pages/DashboardPage';
import { DatabasePage } from './pages/database/DatabasePage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { EmailPage } from './pages/email/EmailPage';
import { LogsPage } from './pages/logs/LogsPage';
import { PendingsPage } from './pages/pendings/PendingsPage';
import { SettingsPage } from './pages/settings/SettingsPage';

/** Hash routing: the same build works from file:// (desktop window) and http://localhost:7585 (browser). */
export const App = () => (
  <HashRouter>
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="configuracao" element={<SettingsPage />} />
        <Route path="cadastrar/email" element={<EmailPage />} />
        <Route path="cadastrar/agendamento" element={<PlaceholderPage titleKey="nav.schedule" />} />
        <Route path="cadastrar/cobranca" element={<PlaceholderPage titleKey="nav.billing" />} />
        <Route path="cadastrar/plano-pagamento" element={<PlaceholderPage titleKey="nav.paymentPlan" />} />
        <Route path="cadastrar/transportadora" element={<PlaceholderPage titleKey="nav.carrier" />} />
        <Route path="monitorar/logs" element={<LogsPage />} />
        <Route path="monitorar/pendencias" element={<PendingsPage />} />
        <Route path="banco-de-dados" element={<DatabasePage />} />
        <Route path="*" element={<DashboardPage />} />
      </Route>
    </Routes>
  </HashRouter>
);
