const store = new Map();

module.exports = {
  create: async (user) => {
    const id = String(store.size + 1);
    store.set(id, { id, ...user });
    return store.get(id);
  },
  exists: async (email) => [...store.values()].some((user) => user.email === email),
  list: async () => [...store.values()],
  get: async (id) => store.get(id),
  remove: async (id) => store.delete(id),
};
