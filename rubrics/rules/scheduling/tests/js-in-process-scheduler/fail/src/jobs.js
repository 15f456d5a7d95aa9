// ruleid: js-in-process-scheduler
const cron = require('node-cron');
// ruleid: js-in-process-scheduler
cron.schedule('0 2 * * *', () => buildReport());
