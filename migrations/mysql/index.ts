import { Initial1795778309474 } from "./1795778309474-Initial";

/** MySQL 8 and MariaDB, in order. */
export const mysqlMigrations: Function[] = [Initial1795778309474];
