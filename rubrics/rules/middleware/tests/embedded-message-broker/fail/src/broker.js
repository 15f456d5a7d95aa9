// ruleid: embedded-message-broker
const aedes = require('aedes')();
require('net').createServer(aedes.handle).listen(1883);
