const { Pool } = require('pg');
// ruleid: js-config-from-environment
module.exports = new Pool({ connectionString: process.env.DATABASE_URL });
