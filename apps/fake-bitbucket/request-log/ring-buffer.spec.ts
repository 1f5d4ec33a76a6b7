import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps everything, oldest first, up to its capacity', () => {
    const buffer = new RingBuffer<number>(3);
    buffer.push(1);
    buffer.push(2);
    expect([...buffer]).toEqual([1, 2]);
  });

  it('drops the oldest once full, again and again around the ring', () => {
    const buffer = new RingBuffer<number>(3);
    for (let i = 1; i <= 8; i += 1) buffer.push(i);
    expect([...buffer]).toEqual([6, 7, 8]);
  });

  it('is empty after clear, and fills from the start again', () => {
    const buffer = new RingBuffer<number>(2);
    for (let i = 1; i <= 3; i += 1) buffer.push(i);
    buffer.clear();
    expect([...buffer]).toEqual([]);
    buffer.push(9);
    expect([...buffer]).toEqual([9]);
  });
});
