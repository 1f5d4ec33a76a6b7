import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post } from '@nestjs/common';
import { FaultRegistry } from './fault.registry';

@Controller('__fake/faults')
export class FaultsController {
  constructor(private readonly faults: FaultRegistry) {}

  @Post()
  add(@Body() body: unknown): { id: number } {
    return { id: this.faults.add(body).id };
  }

  @Get()
  list(): { rules: unknown[] } {
    return { rules: this.faults.list().map((rule) => rule.describe()) };
  }

  @Delete()
  @HttpCode(204)
  clear(): void {
    this.faults.clear();
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number): void {
    if (!this.faults.remove(id)) throw new NotFoundException();
  }
}
