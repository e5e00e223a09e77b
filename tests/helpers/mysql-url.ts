/** The MySQL-compatible server the suite uses; CI sets REQUIRE_MYSQL=1 so an unreachable one fails the run. */
export const MYSQL_URL = process.env.TEST_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test";
export const REQUIRE_MYSQL = process.env.REQUIRE_MYSQL === "1";
