// require('serialport')
const serialize = require('serialize-javascript');
