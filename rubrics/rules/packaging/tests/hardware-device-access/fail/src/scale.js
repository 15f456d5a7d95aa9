// ruleid: hardware-device-access
const { SerialPort } = require('serialport');
