// const NodeCache = require('node-cache');
const Redis = require('ioredis');
module.exports = new Redis(process.env.REDIS_URL);
