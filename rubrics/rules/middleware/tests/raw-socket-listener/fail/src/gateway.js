const net = require('net');
// ruleid: raw-socket-listener
const server = net.createServer((c) => c.pipe(c));
