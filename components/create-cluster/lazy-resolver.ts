import type { Resolver } from 'react-hook-form';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import type { ClusterRequest } from '@/lib/cluster/request';

/** Fetches the schema (and zod with it) once; the page asks for it when a person starts on the form. */
export const loadFormResolver = () => import('./form-resolver').then((module) => module.formResolver);

/**
 * The form's zod schema, checked in the browser as before, but fetched apart from the page: the
 * form validates on submit and then on change, so the page needs zod only once it is used, and
 * first-load JavaScript stays small.
 */
export const lazyFormResolver: Resolver<ClusterFormValues, unknown, ClusterRequest> = async (
  values,
  context,
  options,
) => (await loadFormResolver())(values, context, options);
