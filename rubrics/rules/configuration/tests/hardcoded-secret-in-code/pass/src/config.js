module.exports = {
  sessionSecret: process.env.SESSION_SECRET,
  password: '',
  tokenHeader: 'authorization',
  apiKey: '<your api key>',
  secret: '****',
};
