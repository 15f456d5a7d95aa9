const http = require('http');
// net.createServer()
http.createServer((req, res) => res.end('ok')).listen(8080);
