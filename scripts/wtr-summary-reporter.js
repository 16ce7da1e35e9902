// Prints each failed test with its error, then the plain `N passed, N failed, N skipped` line CI reads
// (web-test-runner's own count sits in a progress bar, and its failure report needs an interactive terminal).
function count(results, acc, file, path = []) {
  for (const t of results?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      acc.failures.push(`${file}: ${[...path, t.name].join(' › ')}\n    ${t.error?.message ?? 'failed'}`);
    }
  }
  for (const s of results?.suites ?? []) count(s, acc, file, [...path, s.name]);
}

export function summaryReporter() {
  return {
    onTestRunFinished({sessions}) {
      const acc = {passed: 0, failed: 0, skipped: 0, failures: []};
      for (const s of sessions) {
        count(s.testResults, acc, s.testFile);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) {
          acc.failed += s.errors.length;
          for (const e of s.errors) acc.failures.push(`${s.testFile}: ${e.message ?? e}`);
        }
      }
      if (acc.failures.length) console.log(`\nFailed:\n${acc.failures.map((f) => `- ${f}`).join('\n')}`);
      console.log(`\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`);
    },
  };
}
