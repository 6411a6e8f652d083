// Jest reporter: after the run, the ten slowest tests and their files, so that a test creeping
// towards a timeout (or a CI run towards its time limit) is seen before it fails.
const { relative } = require('node:path');

const COUNT = 10;

class SlowestTests {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const tests = results.testResults.flatMap((file) =>
      file.testResults.map((test) => ({ name: test.fullName, file: relative(this.rootDir, file.testFilePath), ms: test.duration ?? 0 })),
    );
    const slowest = tests.sort((a, b) => b.ms - a.ms).slice(0, COUNT);
    if (slowest.length === 0) return;
    const lines = slowest.map((t) => `${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.name}  (${t.file})`);
    process.stdout.write(`\nThe ${slowest.length} slowest tests:\n${lines.join('\n')}\n`);
  }
}

module.exports = SlowestTests;
