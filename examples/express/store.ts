export interface Order {
  id: string;
  items: string[];
}

const data = new Map<string, Order>();

export const orders = {
  async find(id: string) {
    return data.get(id);
  },
  async create(body: { items: string[] }) {
    const order = { id: String(data.size + 1), items: body.items };
    data.set(order.id, order);
    return order;
  },
  async remove(id: string) {
    return data.delete(id);
  },
  async isLocked(_id: string) {
    return false;
  },
  async update(id: string, body: Partial<Order>) {
    const order = data.get(id);
    if (order) data.set(id, { ...order, ...body });
  },
};
