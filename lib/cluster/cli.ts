import { type AwsCall, type ClusterPlan, type PlanStep, STEP_OUTPUTS, WAITS } from './plan';

/**
 * The plan as a bash script a person can paste into a shell: the AWS CLI v2 commands that make
 * the same requests, in order. A value a later step needs is captured into a shell variable with
 * `--query … --output text`; a wait is a loop that asks again until AWS reports it done.
 */
export function awsCliScript(plan: ClusterPlan): string {
  return ['#!/usr/bin/env bash', 'set -euo pipefail', '', ...plan.steps.map(awsCliStep)].join('\n');
}

/** One step of the script. */
export function awsCliStep(step: PlanStep): string {
  const output = STEP_OUTPUTS[step.id as keyof typeof STEP_OUTPUTS];
  if (output) {
    return `${output.variable}=$(${awsCliCommand(step.call, ['--query', output.query, '--output', 'text'])})\n`;
  }
  if (step.waitUntil) {
    const wait = WAITS[step.waitUntil];
    const ask = awsCliCommand(step.call, ['--query', wait.query, '--output', 'text']);
    const done = wait.done.map((value) => `"$status" = ${value}`).join(' || ');
    return `while status=$(${ask}); ! [[ ${done} ]]; do\n  sleep 5\ndone\n`;
  }
  return `${awsCliCommand(step.call)}\n`;
}

/**
 * `aws <service> <operation> --<member> <value>`: strings as they are, structures as JSON (which
 * the CLI accepts for every parameter), booleans as the CLI's flag pairs (`--x` / `--no-x`).
 */
export function awsCliCommand(call: AwsCall, extra: string[] = []): string {
  const [service, operation] = call.action.split(':') as [string, string];
  const lines = [`aws ${service} ${kebabCase(operation)}`];
  for (const [member, value] of Object.entries(call.input)) {
    if (value === undefined) continue;
    const option = kebabCase(member);
    if (typeof value === 'boolean') lines.push(value ? `  --${option}` : `  --no-${option}`);
    else lines.push(`  --${option} ${shellWord(typeof value === 'string' ? value : JSON.stringify(value))}`);
  }
  for (let index = 0; index < extra.length; index += 2)
    lines.push(`  ${extra[index]} ${shellWord(extra[index + 1] ?? '')}`);
  return lines.join(' \\\n');
}

function kebabCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** Text as one shell word, with every `{{step.name}}` replaced by the variable that holds it. */
function shellWord(text: string): string {
  if (text === '') return "''";
  const parts = text.split(/(\{\{\w+\.\w+\}\})/);
  return parts
    .filter((part) => part !== '')
    .map((part) => {
      const reference = /^\{\{(\w+)\.\w+\}\}$/.exec(part);
      const output = reference && STEP_OUTPUTS[reference[1] as keyof typeof STEP_OUTPUTS];
      if (output) return `"$${output.variable}"`;
      return /^[A-Za-z0-9_\-.:/=@+,]+$/.test(part) ? part : `'${part.replaceAll("'", `'\\''`)}'`;
    })
    .join('');
}
