import * as z from 'zod/mini';

/**
 * The name must be typed exactly, as the console asks: checked in the browser and again by the
 * server, which never trusts the browser's say.
 */
export const confirmationSchema = (clusterName: string) =>
  z.object({
    confirmation: z.string().check(z.refine((typed) => typed === clusterName, 'validation.deleteConfirmation')),
  });

/** What the delete page posts: the typed name, the request id and the plan shown. */
export const deleteConfirmationSchema = (clusterName: string) =>
  z.extend(confirmationSchema(clusterName), {
    requestId: z.uuid(),
    digest: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  });
