module.exports.userController = require('./user.controller');
