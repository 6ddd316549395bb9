/**
 * An instance type against a pattern such as "t3.*" or "m7g.large": * is any run of characters,
 * ? any one. A few lines here rather than a glob library made for file paths; the form uses it
 * too, to offer only the allowed types.
 */
export function matchesInstanceType(pattern: string, instanceType: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(instanceType);
}

/** Whether a team whose rules list these patterns (none: any type) may use the instance type. */
export const instanceTypeAllowed = (patterns: readonly string[] | undefined, instanceType: string) =>
  !patterns || patterns.some((pattern) => matchesInstanceType(pattern, instanceType));
