const { EventLogger } = require('node-windows');
// ruleid: windows-event-log
const log = new EventLogger('Claims');
