export const config = {
  // ruleid: js-config-from-environment
  port: Number(process.env.PORT ?? 8080),
  // ruleid: js-config-from-environment
  databaseUrl: process.env.DATABASE_URL,
};
