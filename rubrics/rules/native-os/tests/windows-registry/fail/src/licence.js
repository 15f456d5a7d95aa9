// ruleid: windows-registry
const Registry = require('winreg');
