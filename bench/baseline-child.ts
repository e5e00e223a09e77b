import "reflect-metadata";
import mysql from "mysql2/promise";
import { parseDatabaseUrl } from "../src/config";
import { ANALYSES } from "./analyses";
import { startBaselineServer } from "./baseline";

// The baseline server in a process of its own, for the load scenario: DATABASE_URL, PORT.
// Says "ready <url>" on stdout once it listens. Its pool holds as many connections as the API's.
async function main() {
  const db = parseDatabaseUrl(process.env.DATABASE_URL!);
  const pool = mysql.createPool({ host: db.host, port: db.port, user: db.user, password: db.password, database: db.database, supportBigNumbers: true, bigNumberStrings: true, connectionLimit: 10 });
  const server = await startBaselineServer(pool, ANALYSES, Number(process.env.PORT));
  process.stdout.write(`ready ${server.url}\n`);
  process.on("SIGTERM", () => void server.close().then(() => pool.end()).then(() => process.exit(0)));
}
void main();
