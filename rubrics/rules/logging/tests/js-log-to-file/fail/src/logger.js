const winston = require("winston");
require("winston-daily-rotate-file");
const pino = require("pino");

const logger = winston.createLogger({
  level: "info",
  transports: [
    new winston.transports.Console(),
    // ruleid: js-log-to-file
    new winston.transports.File({ filename: "logs/error.log", level: "error" }),
    // ruleid: js-log-to-file
    new winston.transports.DailyRotateFile({ filename: "logs/app-%DATE%.log", maxFiles: "14d" }),
  ],
});

// ruleid: js-log-to-file
const auditLog = pino(pino.destination("./logs/audit.log"));

module.exports = { logger, auditLog };
