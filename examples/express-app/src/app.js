// An Express app laid out like the popular boilerplates: routes in one folder, the status codes in the controllers.
const express = require('express');
const routes = require('./routes/v1');

const app = express();
app.use(express.json());
app.use('/v1', routes);

module.exports = app;
