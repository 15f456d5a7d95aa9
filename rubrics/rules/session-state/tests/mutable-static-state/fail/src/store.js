// ruleid: mutable-static-state
const sessions = new Map();
module.exports = sessions;
