import winston from "winston";
// ruleid: stdout-logging
export const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
