// Prints the closing "N passed, N failed" line from Vitest's JSON reports (the
// unit/browser run and the host-app run), and fails when a report is missing
// or no test ran.
import { readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['.vitest-report.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`No test report at ${file}: ${error.message}`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  // A file that fails to load has no failed test but is a failed suite: count it.
  const failedTests = report.numFailedTests ?? 0;
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (passed === 0) {
  console.error('No test ran.');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
