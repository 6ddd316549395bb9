import {
  chmodSync,
  chownSync,
  cpSync,
  type Dirent,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The Dockerfile's runtime stage, read from the file itself, and laid out on this machine as the
 * image holds it: this machine has no container engine CI can rely on, so the test runs the
 * stage's CMD in that folder, with its environment, as its user would (read-only files).
 */
export interface RuntimeStage {
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
  volumes: string[];
  /** What the stage copies from the build stage (whose /app is this repository, built). */
  copies: { from: string; to: string }[];
  /** What the stage fetches from the network, which a test here cannot. */
  downloads: string[];
}

export function runtimeStage(dockerfile: string): RuntimeStage {
  const lines = readFileSync(dockerfile, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stage = lines.slice(lines.findLastIndex((line) => /^FROM\s/i.test(line)) + 1);
  const found: RuntimeStage = {
    workdir: '/',
    env: {},
    cmd: [],
    healthcheck: [],
    volumes: [],
    copies: [],
    downloads: [],
  };
  const args: Record<string, string> = {};
  const expand = (text: string) =>
    text.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? found.env[name] ?? '');
  for (const line of stage) {
    const [instruction = '', ...rest] = line.split(/\s+/);
    const operands = rest.join(' ');
    switch (instruction.toUpperCase()) {
      case 'WORKDIR':
        found.workdir = operands;
        break;
      case 'ENV':
        for (const [, name, value] of operands.matchAll(/(\w+)=(\S+)/g)) found.env[name!] = value!;
        break;
      case 'ARG': {
        const [name = '', value = ''] = operands.split('=');
        args[name] = value;
        break;
      }
      case 'COPY': {
        const paths = rest.filter((word) => !word.startsWith('--'));
        if (!rest.includes('--from=build'))
          throw new Error(`The runtime stage copies from elsewhere than the build: ${line}`);
        found.copies.push({ from: expand(paths[0]!), to: expand(paths[1]!) });
        break;
      }
      case 'ADD':
        found.downloads.push(operands);
        break;
      case 'VOLUME':
        found.volumes.push(...(JSON.parse(operands) as string[]));
        break;
      case 'HEALTHCHECK':
        found.healthcheck = JSON.parse(operands.slice(operands.indexOf('CMD') + 3).trim());
        break;
      case 'CMD':
        found.cmd = JSON.parse(operands);
        break;
    }
  }
  return found;
}

/** The owner of the image's files: root, as the stage's --chown says. The server runs as another user. */
export const UNPRIVILEGED = { uid: 65534, gid: 65534 };

/**
 * Lays the stage out under `root` as the image's filesystem: each copy from the build stage (its
 * /app is `repository`), the volumes writable by the server's user, everything else read-only.
 * Returns the folder the stage's WORKDIR is.
 */
export function layOut(stage: RuntimeStage, repository: string, root: string): string {
  const inImage = (path: string) => join(root, path.startsWith('/') ? path : join(stage.workdir, path));
  for (const { from, to } of stage.copies) {
    const source = join(repository, from.replace(/^\/app\/?/, ''));
    // Links stay links, relative to where they are, as COPY keeps them.
    cpSync(source, inImage(to), { recursive: true, verbatimSymlinks: true });
  }
  const volumes = stage.volumes.map(inImage);
  for (const volume of volumes) mkdirSync(volume, { recursive: true });
  // Everything but the volumes read-only; the volumes the server's user's.
  for (const entry of [root, ...readdirSync(root, { recursive: true, withFileTypes: true }).map(pathOf)]) {
    if (volumes.includes(entry) || lstatSync(entry).isSymbolicLink()) continue;
    chmodSync(entry, lstatSync(entry).isDirectory() ? 0o555 : 0o444);
  }
  for (const volume of volumes) {
    if (process.getuid?.() === 0) chownSync(volume, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
    else chmodSync(volume, 0o755);
  }
  return inImage(stage.workdir);
}

const pathOf = (entry: Dirent) => join(entry.parentPath, entry.name);

/** Removes a laid-out image, read-only as it is. */
export function removeLayout(root: string): void {
  for (const entry of [root, ...readdirSync(root, { recursive: true, withFileTypes: true }).map(pathOf)]) {
    if (!lstatSync(entry).isSymbolicLink() && lstatSync(entry).isDirectory()) chmodSync(entry, 0o755);
  }
  rmSync(root, { recursive: true, force: true });
}
