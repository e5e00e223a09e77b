/** The zone this platform serves: 郑州高新技术产业开发区, administrative division 410191. */
export const ZONE_REGION = "410191";

/** How the zone's departments' full names begin: "郑州高新技术产业开发区管委会人力资源局". */
export const ZONE_AUTHORITY = "郑州高新技术产业开发区管委会";
