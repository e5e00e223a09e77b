import { Initial1795778311167 } from "./1795778311167-Initial";
import { DocumentParts1795779464480 } from "./1795779464480-DocumentParts";
import { SourcePlaces1795800001000 } from "./1795800001000-SourcePlaces";
import { SubjectRowTotals1795810001000 } from "./1795810001000-SubjectRowTotals";
import { CodeNamesByListYear1795810003000 } from "./1795810003000-CodeNamesByListYear";
import { FinalAccounts1795810005000 } from "./1795810005000-FinalAccounts";
import { ApiTokens1795820001000 } from "./1795820001000-ApiTokens";
import { PublicView1795820003000 } from "./1795820003000-PublicView";
import { PrintedCodeNames1795820007000 } from "./1795820007000-PrintedCodeNames";
import { CoveringIndexes1795830001000 } from "./1795830001000-CoveringIndexes";

/** The embedded database, in order. */
export const sqliteMigrations: Function[] = [
  Initial1795778311167,
  DocumentParts1795779464480,
  SourcePlaces1795800001000,
  SubjectRowTotals1795810001000,
  CodeNamesByListYear1795810003000,
  FinalAccounts1795810005000,
  ApiTokens1795820001000,
  PublicView1795820003000,
  PrintedCodeNames1795820007000,
  CoveringIndexes1795830001000,
];
