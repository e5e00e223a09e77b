import "./production";
import "reflect-metadata";
import { markdown, runBench } from "./harness";

const USAGE = `usage: npm run bench -- [--quick] [--json] [--departments N] [--years Y] [--seed S] [--iterations K] [--warmup W]
  BENCH_MYSQL_URL (default mariadb://root@127.0.0.1:3306/test) names the server; the bench makes and drops its own database.`;

async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive whole number`);
    return n;
  };
  if (flag("help")) {
    console.log(USAGE);
    return 0;
  }
  const quick = flag("quick");
  const result = await runBench({
    mysqlUrl: process.env.BENCH_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test",
    departments: value("departments", quick ? 4 : 60),
    years: value("years", quick ? 2 : 5),
    seed: value("seed", 1),
    iterations: value("iterations", quick ? 3 : 200),
    // A server runs warm: each analysis first runs until the JIT has settled on both sides.
    warmup: value("warmup", quick ? 1 : 100),
    log: flag("json") ? undefined : (l) => console.error(l),
  });
  console.log(flag("json") ? JSON.stringify(result, null, 2) : markdown(result));
  return result.analyses.every((a) => a.agree) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
