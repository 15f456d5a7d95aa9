const winston = require("winston");
const pino = require("pino");

// new winston.transports.File({ filename: "logs/error.log" }),
/*
  const auditLog = pino(pino.destination("./logs/audit.log"));
*/

const logger = winston.createLogger({
  level: "info",
  transports: [new winston.transports.Console({ format: winston.format.json() })],
});

const fast = pino(pino.destination(1));
const errors = pino(pino.destination({ dest: 2, sync: false }));
const plain = pino(pino.destination());

module.exports = { logger, fast, errors, plain };
