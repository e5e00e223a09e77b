// Data source for the TypeORM CLI (migration:generate / migration:run).
import { DataSource } from "typeorm";
import { loadConfig } from "../config";
import { dataSourceOptions } from "./data-source";

export default new DataSource(dataSourceOptions(loadConfig().database));
