import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { type Policy, policySchema } from './policy-file';

/** The rules in force, and the version (a hash of the file) stored with every request decided under them. */
export interface LoadedPolicy {
  policy: Policy;
  version: string;
  file: string;
}

export interface PolicyProblem {
  /** Where in the file, as a dotted path such as `teams.payments.maxInstances`; empty for the file itself. */
  path: string;
  line?: number;
  message: string;
}

/** The policy file could not be used: every problem, by path and line. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: PolicyProblem[],
  ) {
    super(
      [
        `The policy file ${file} cannot be used:`,
        ...problems.map(
          ({ path, line, message }) => `  ${line ? `line ${line}: ` : ''}${path ? `${path} ` : ''}${message}`,
        ),
      ].join('\n'),
    );
    this.name = 'PolicyFileError';
  }
}

/** Reads and checks a policy file; throws PolicyFileError listing every problem. */
export function loadPolicyFile(file: string): LoadedPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyFileError(file, [
      {
        path: '',
        message: code === 'ENOENT' ? 'does not exist (set POLICY_FILE to its path)' : `cannot be read (${code})`,
      },
    ]);
  }
  return { ...parsePolicy(text, file), file };
}

/** Parses a policy file's text: YAML first, then the rules, each problem with its line. */
export function parsePolicy(text: string, file = 'policy.yaml'): Omit<LoadedPolicy, 'file'> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (document.errors.length > 0) {
    throw new PolicyFileError(
      file,
      document.errors.map((error) => ({ path: '', line: lineAt(error.pos[0]), message: error.message })),
    );
  }
  const parsed = policySchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    /** The line of a value, or of the key itself when the key is the problem. */
    const lineOf = (path: PropertyKey[], atKey: boolean) => {
      const parent = atKey ? document.getIn(path.slice(0, -1), true) : undefined;
      const node = isMap(parent)
        ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path.at(-1))?.key
        : document.getIn(path, true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return offset === undefined ? undefined : lineAt(offset);
    };
    throw new PolicyFileError(
      file,
      parsed.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys') {
          // One problem per unknown key, at the key.
          return issue.keys.map((key) => ({
            path: [...issue.path, key].join('.'),
            line: lineOf([...issue.path, key], true),
            message: 'is not a rule this app knows',
          }));
        }
        const badKey = issue.code === 'invalid_key';
        return [
          {
            path: issue.path.join('.'),
            line: lineOf(issue.path, badKey),
            message: badKey ? (issue.issues[0]?.message ?? issue.message) : issue.message,
          },
        ];
      }),
    );
  }
  return { policy: parsed.data, version: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}
