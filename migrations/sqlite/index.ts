import { Initial1795778311167 } from "./1795778311167-Initial";

/** The embedded database, in order. */
export const sqliteMigrations: Function[] = [Initial1795778311167];
