import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

/** Where the page is now (the tests read the filters it put in the address). */
const Location = () => {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
};

/** A page under a router at `path` (its filters come from the address). */
export const atPath = (path: string, page: ReactNode) => (
  <MemoryRouter initialEntries={[path]}>
    <Routes>
      <Route path="*" element={page} />
    </Routes>
    <Location />
  </MemoryRouter>
);
