import { Initial1795778309474 } from "./1795778309474-Initial";
import { DocumentParts1795779462801 } from "./1795779462801-DocumentParts";
import { SourcePlaces1795800000000 } from "./1795800000000-SourcePlaces";
import { SubjectRowTotals1795810000000 } from "./1795810000000-SubjectRowTotals";
import { CodeNamesByListYear1795810002000 } from "./1795810002000-CodeNamesByListYear";
import { FinalAccounts1795810004000 } from "./1795810004000-FinalAccounts";
import { ApiTokens1795820000000 } from "./1795820000000-ApiTokens";
import { PublicView1795820002000 } from "./1795820002000-PublicView";
import { PrintedCodeNames1795820006000 } from "./1795820006000-PrintedCodeNames";
import { CoveringIndexes1795830000000 } from "./1795830000000-CoveringIndexes";

/** MySQL 8 and MariaDB, in order. */
export const mysqlMigrations: Function[] = [
  Initial1795778309474,
  DocumentParts1795779462801,
  SourcePlaces1795800000000,
  SubjectRowTotals1795810000000,
  CodeNamesByListYear1795810002000,
  FinalAccounts1795810004000,
  ApiTokens1795820000000,
  PublicView1795820002000,
  PrintedCodeNames1795820006000,
  CoveringIndexes1795830000000,
];
