/** The API's OAuth scopes, as the identity provider grants them to clients. */
export const API_SCOPES = ['cluster-requests:read', 'cluster-requests:write', 'clusters:delete', 'audit:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
