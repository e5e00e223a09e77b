import { Initial1795778311167 } from "./1795778311167-Initial";
import { DocumentParts1795779464480 } from "./1795779464480-DocumentParts";

/** The embedded database, in order. */
export const sqliteMigrations: Function[] = [Initial1795778311167, DocumentParts1795779464480];
