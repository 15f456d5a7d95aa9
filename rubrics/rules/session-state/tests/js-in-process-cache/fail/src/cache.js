// ruleid: js-in-process-cache
const NodeCache = require('node-cache');
const prices = new NodeCache({ stdTTL: 300 });
module.exports = prices;
