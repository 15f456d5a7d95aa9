const sqlite3 = require('sqlite3');
// ruleid: sqlite-file-database
const db = new sqlite3.Database('./data/app.db');
const { Sequelize } = require('sequelize');
// ruleid: sqlite-file-database
const seq = new Sequelize({ dialect: 'sqlite', storage: './data/seq.sqlite' });
