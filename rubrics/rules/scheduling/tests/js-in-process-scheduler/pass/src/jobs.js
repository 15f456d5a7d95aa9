// const cron = require('node-cron');
const queue = require('bullmq');
setTimeout(() => warmUp(), 1000);
