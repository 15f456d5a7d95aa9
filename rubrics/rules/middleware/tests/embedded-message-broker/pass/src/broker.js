// const aedes = require('aedes')();
const mqtt = require('mqtt');
const client = mqtt.connect(process.env.MQTT_URL);
