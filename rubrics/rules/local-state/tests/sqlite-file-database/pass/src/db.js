const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(':memory:');
const { Sequelize } = require('sequelize');
const seq = new Sequelize({ dialect: 'postgres', host: process.env.DB_HOST });
