const express = require('express');
const { userController } = require('../../controllers');

const router = express.Router();

router.route('/').post(userController.createUser).get(userController.getUsers);
router.route('/:userId').get(userController.getUser).delete(userController.deleteUser);

module.exports = router;
