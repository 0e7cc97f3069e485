import { useCallback, useEffect, useState } from 'react';

/**
 * The page's query string as state. Changing it rewrites the address without reloading, so the
 * filtered view a person sees is the one a copied link or a reload gives back.
 */
export function useSearch(): [string, (search: string, mode?: 'push' | 'replace') => void] {
  const [search, setSearchState] = useState(window.location.search);
  useEffect(() => {
    const onPop = () => setSearchState(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setSearch = useCallback((next: string, mode: 'push' | 'replace' = 'replace') => {
    const url = `${window.location.pathname}${next}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setSearchState(next);
  }, []);
  return [search, setSearch];
}
