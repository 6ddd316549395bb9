// Imported first by `npm start`, `npm test` and `npm run bench`: an older Node.js stops here with
// one line, rather than deep inside a dependency that needs a newer one.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This app needs Node.js 22.12 or later (24 LTS recommended); this is ${process.version}. ` +
      'Run `source scripts/node-24.sh` to use Node.js 24 from the npm registry.',
  );
  process.exit(1);
}
