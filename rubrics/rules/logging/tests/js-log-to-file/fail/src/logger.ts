import { createLogger, format, transports } from "winston";

export const logger = createLogger({
  format: format.json(),
  transports: [
    // ruleid: js-log-to-file
    new transports.File({ filename: "logs/combined.log" }),
  ],
});
