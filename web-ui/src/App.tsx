// Routes of the console and its frame.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { Loading } from './components/QueryView';
import { useAuth } from './auth/AuthContext';
import { CatalogPage } from './pages/CatalogPage';
import { DatasetPage } from './pages/DatasetPage';
import { CallbackPage } from './pages/CallbackPage';
import { NotFoundPage } from './pages/NotFoundPage';

const OrganizationPage = lazy(() => import('./pages/OrganizationPage'));
const OrganizationsPage = lazy(() => import('./pages/OrganizationsPage'));
const ApplyPage = lazy(() => import('./pages/ApplyPage'));
const LicensesPage = lazy(() => import('./pages/LicensesPage'));
const LicensePage = lazy(() => import('./pages/LicensePage'));
const InvoicesPage = lazy(() => import('./pages/InvoicesPage'));
const ReviewQueuePage = lazy(() => import('./pages/ReviewQueuePage'));
const RegistrationReviewPage = lazy(() => import('./pages/RegistrationReviewPage'));
const ReleaseReviewPage = lazy(() => import('./pages/ReleaseReviewPage'));
const LedgerPage = lazy(() => import('./pages/LedgerPage'));
const EfficiencyPage = lazy(() => import('./pages/EfficiencyPage'));
const CasesPage = lazy(() => import('./pages/CasesPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const WorkspacePage = lazy(() => import('./pages/WorkspacePage'));
const TablesPage = lazy(() => import('./pages/TablesPage'));
const PublicityPage = lazy(() => import('./pages/PublicityPage'));
const VerifyPage = lazy(() => import('./pages/VerifyPage'));
const ProviderPage = lazy(() => import('./pages/ProviderPage'));
const FeesPage = lazy(() => import('./pages/FeesPage'));
const DisclosuresPage = lazy(() => import('./pages/DisclosuresPage'));

export function App() {
  const auth = useAuth();
  return (
    <Routes>
      <Route path="/auth/callback" element={<CallbackPage />} />
      <Route element={<AppShell />}>
        {!auth.ready ? (
          <Route path="*" element={<Loading />} />
        ) : (
          <>
            <Route index element={<CatalogPage />} />
            <Route path="datasets/:id" element={<DatasetPage />} />
            <Route path="publicity" element={<Lazy page={<PublicityPage />} />} />
            <Route path="verify" element={<Lazy page={<VerifyPage />} />} />
            <Route path="fees" element={<Lazy page={<FeesPage />} />} />
            <Route path="disclosures" element={<Lazy page={<DisclosuresPage />} />} />
            <Route path="provider" element={<Lazy page={<ProviderPage />} />} />
            <Route path="organization" element={<Lazy page={<OrganizationPage />} />} />
            <Route path="organizations" element={<Lazy page={<OrganizationsPage />} />} />
            <Route path="apply/:productId" element={<Lazy page={<ApplyPage />} />} />
            <Route path="licenses" element={<Lazy page={<LicensesPage />} />} />
            <Route path="licenses/:id" element={<Lazy page={<LicensePage />} />} />
            <Route path="invoices" element={<Lazy page={<InvoicesPage />} />} />
            <Route path="review" element={<Lazy page={<ReviewQueuePage />} />} />
            <Route path="review/registrations/:id" element={<Lazy page={<RegistrationReviewPage />} />} />
            <Route path="review/jobs/:id" element={<Lazy page={<ReleaseReviewPage />} />} />
            <Route path="ledger" element={<Lazy page={<LedgerPage />} />} />
            <Route path="efficiency" element={<Lazy page={<EfficiencyPage />} />} />
            <Route path="cases" element={<Lazy page={<CasesPage />} />} />
            <Route path="audit" element={<Lazy page={<AuditPage />} />} />
            <Route path="workspace" element={<Lazy page={<WorkspacePage />} />} />
            <Route path="tables" element={<Lazy page={<TablesPage />} />} />
            <Route path="workspace/:licenseId" element={<Lazy page={<WorkspacePage />} />} />
            <Route path="*" element={<NotFoundPage />} />
          </>
        )}
      </Route>
    </Routes>
  );
}

function Lazy({ page }: { page: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
