// ruleid: absolute-host-path
const DROP = '/Users/alice/dropbox/incoming';
module.exports = { DROP };
