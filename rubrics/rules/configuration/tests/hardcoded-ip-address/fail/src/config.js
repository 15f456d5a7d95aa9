module.exports = {
  // ruleid: hardcoded-ip-address
  mq: 'amqp://guest@10.1.1.20:5672',
};
