// Runs the TypeScript engine worker from source (tests, an edited checkout): a worker thread
// does not inherit the tsx loader of the thread that started it. The compiled CLI starts
// out/cli/engine-worker.js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
