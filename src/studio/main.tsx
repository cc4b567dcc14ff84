import './no-eval';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';

// The studio's code (React Flow, ELK) is a chunk of its own, loaded by this page only.
const StudioPage = lazy(() => import('./StudioPage'));

const root = document.getElementById('root');
if (!root) throw new Error('studio: studio.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<p className="loading">Loading the studio…</p>}>
      <StudioPage />
    </Suspense>
  </StrictMode>,
);
