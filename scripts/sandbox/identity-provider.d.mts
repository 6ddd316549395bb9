export const DEMO_PEOPLE: Record<string, { name: string; email: string; groups: string[]; role: string }>;
export function demoPeopleForApp(): string;
export const WEB_CLIENT: { id: string; secret: string };
export const API_SCOPES: string[];
export function startIdentityProvider(options: {
  port: number;
  appUrl: string;
  apiAudience?: string;
}): Promise<{ issuer: string; close: () => Promise<void>; sign: (claims: Record<string, unknown>) => Promise<string> }>;
