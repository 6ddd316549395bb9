export function startPostgres(): Promise<{ url: string; restart: () => void; stop: () => void }>;
export function createDatabase(serverUrl: string): string;
export function dropDatabase(databaseUrl: string): void;
