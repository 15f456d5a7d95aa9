// ruleid: js-native-addon
const addon = require('../build/Release/scanner.node');
