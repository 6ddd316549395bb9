/** The sandbox identity provider's demo people, as `npm start` passes them (SANDBOX_PEOPLE). */
export interface DemoPerson {
  login: string;
  name: string;
  /** What they stand for in the sandbox's policy: a team, or the platform admins. */
  role: string;
}

export function sandboxPeople(): DemoPerson[] {
  try {
    const people: unknown = JSON.parse(process.env.SANDBOX_PEOPLE ?? '[]');
    return Array.isArray(people) ? (people as DemoPerson[]) : [];
  } catch {
    return [];
  }
}
