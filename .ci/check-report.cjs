// Fails CI unless the run executed tests, all passed, and the [mysql] suites were among them.
const { readFileSync } = require("node:fs");

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = report.testResults.flatMap((f) => f.assertionResults);
const passed = results.filter((r) => r.status === "passed").length;
const failed = results.filter((r) => r.status === "failed").length;
const mysqlPassed = results.filter((r) => r.status === "passed" && r.fullName.includes("[mysql]")).length;

console.log(`MySQL suite: ${mysqlPassed} tests passed on MariaDB`);
if (mysqlPassed === 0) {
  console.error("The MySQL suite did not run: CI requires it.");
  process.exit(1);
}
console.log(`ci: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
