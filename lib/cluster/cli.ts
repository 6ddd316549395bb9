import type { AwsCall } from './plan';

/**
 * The AWS CLI command equivalent to one planned call: `aws <service> <operation> --<member> <value>`,
 * with structures given as JSON, which the CLI accepts for every parameter.
 */
export function awsCliCommand(call: AwsCall): string {
  const [service, operation] = call.action.split(':') as [string, string];
  const lines = [`aws ${service} ${kebabCase(operation)}`];
  for (const [member, value] of Object.entries(call.input)) {
    if (value === undefined) continue;
    const argument = typeof value === 'string' ? value : JSON.stringify(value);
    lines.push(`  --${kebabCase(member)} ${shellQuote(argument)}`);
  }
  return lines.join(' \\\n');
}

function kebabCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

function shellQuote(text: string): string {
  return /^[A-Za-z0-9_\-.:/=@+,]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
