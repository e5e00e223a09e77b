// Imported first: graphql-js picks its production code paths (no cross-realm instanceof checks)
// when the module loads, and a deployed server runs with NODE_ENV=production (docker/Dockerfile).
process.env.NODE_ENV ??= "production";
