// Queries several pages share.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getEfficiency, getOrganization, getReference, listOrganizations, listProducts } from './api/endpoints';
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

/**
 * Organizations' names by their 统一社会信用代码: every one for the bureau (its list of organizations), the user's own
 * otherwise. The views that name an organization carry only its code; a code not found here is shown as it is.
 */
export function useOrganizationNames(): Record<string, string> {
  const auth = useAuth();
  const all = useQuery({
    queryKey: ['organization-names', 'all', auth.username],
    queryFn: () => listOrganizations(undefined, 500),
    enabled: auth.oversees,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const own = useQuery({
    queryKey: ['organization-names', 'own', auth.organization],
    queryFn: () => getOrganization(auth.organization ?? ''),
    enabled: !auth.oversees && Boolean(auth.organization),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return useMemo(() => {
    const byCode: Record<string, string> = {};
    for (const o of [...(all.data ?? []), ...(own.data ? [own.data] : [])]) if (o.id && o.name) byCode[o.id] = o.name;
    return byCode;
  }, [all.data, own.data]);
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
