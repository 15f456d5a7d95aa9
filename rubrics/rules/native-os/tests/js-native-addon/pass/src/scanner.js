// const addon = require('bindings')('scanner');
const express = require('express');
