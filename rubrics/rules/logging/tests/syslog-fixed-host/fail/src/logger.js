const winston = require('winston');
require('winston-syslog');
// ruleid: syslog-fixed-host
winston.add(new winston.transports.Syslog({ host: 'logs01.corp.acme.com', port: 514 }));
