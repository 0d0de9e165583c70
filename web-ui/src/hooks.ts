// Queries several pages share.
import { useQuery } from '@tanstack/react-query';
import { getEfficiency, getReference, listProducts } from './api/endpoints';
import { DEFAULT_REFERENCE } from './lib/reference';
import { useAuth } from './auth/AuthContext';
import type { ProductView } from './api/types';

export function useReference() {
  const q = useQuery({ queryKey: ['reference'], queryFn: getReference, staleTime: 10 * 60_000, retry: false });
  return { reference: q.data ?? DEFAULT_REFERENCE, query: q };
}

/** Products by id, for naming a license's product. */
export function useProductNames() {
  const auth = useAuth();
  const q = useQuery({ queryKey: ['products', 'all', auth.username], queryFn: () => listProducts({ size: 100 }), staleTime: 60_000 });
  const byId: Record<string, ProductView> = {};
  for (const p of q.data ?? []) if (p.id) byId[p.id] = p;
  return byId;
}

/** The policy's review SLA in hours: reference data, else the efficiency figures (bureau), else the default. */
export function useReviewSlaHours(): number {
  const { reference } = useReference();
  const auth = useAuth();
  const eff = useQuery({
    queryKey: ['efficiency', auth.username],
    queryFn: getEfficiency,
    enabled: !reference.served && auth.isBureau,
    staleTime: 60_000,
    retry: false,
  });
  if (reference.served) return reference.reviewSlaHours;
  return typeof eff.data?.reviewSlaHours === 'number' ? eff.data.reviewSlaHours : reference.reviewSlaHours;
}
