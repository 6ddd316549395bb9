import { zodResolver } from '@hookform/resolvers/zod';
import { clusterFormSchema } from '@/lib/cluster-form/form-schema';

/** The form schema as react-hook-form's resolver: zod, loaded on its own (see lazy-resolver). */
export const formResolver = zodResolver(clusterFormSchema);
