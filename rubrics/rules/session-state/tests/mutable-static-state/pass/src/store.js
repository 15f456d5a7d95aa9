const config = { port: 3000 };
function handler() { const sessions = new Map(); return sessions; }
module.exports = { config, handler };
