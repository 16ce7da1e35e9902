// Prints the plain `N passed, N failed, N skipped` line CI reads (web-test-runner's own count sits in a progress bar).
function count(results, acc) {
  for (const t of results?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of results?.suites ?? []) count(s, acc);
}

export function summaryReporter() {
  return {
    onTestRunFinished({sessions}) {
      const acc = {passed: 0, failed: 0, skipped: 0};
      for (const s of sessions) {
        count(s.testResults, acc);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) acc.failed += s.errors.length;
      }
      console.log(`\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`);
    },
  };
}
