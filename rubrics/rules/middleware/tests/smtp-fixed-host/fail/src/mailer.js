const nodemailer = require('nodemailer');
// ruleid: smtp-fixed-host
module.exports = nodemailer.createTransport({ host: 'smtp.acme.local', port: 25 });
