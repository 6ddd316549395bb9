export function startPostgres(): Promise<{ url: string; stop: () => void }>;
export function createDatabase(serverUrl: string): string;
export function dropDatabase(databaseUrl: string): void;
