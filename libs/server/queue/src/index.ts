export * from './queue.module';
export * from './queues';
export * from './redis';
export * from './enqueue';
export * from './availability';
export * from './tokens';
