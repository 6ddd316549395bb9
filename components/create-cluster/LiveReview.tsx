'use client';

import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { reviewOf } from '@/lib/cluster-form/review';
import { ReviewView } from './ReviewPanel';

/** The Review panel for the values the form holds now. */
export function LiveReview({ values }: { values: ClusterFormValues }) {
  return <ReviewView review={reviewOf(values)} />;
}
