/**
 * The Node built-ins only an audit needs (threads, hashing, the number of cores), required on first use instead of
 * at start-up: every run of the CLI and every start of the extension would otherwise load them, to analyse one file.
 */
import type * as Crypto from 'crypto';
import type * as Os from 'os';
import type * as WorkerThreads from 'worker_threads';

let crypto: typeof Crypto | undefined;
let os: typeof Os | undefined;
let workerThreads: typeof WorkerThreads | undefined;

export function nodeCrypto(): typeof Crypto {
  return (crypto ??= require('crypto') as typeof Crypto);
}

export function nodeOs(): typeof Os {
  return (os ??= require('os') as typeof Os);
}

export function nodeWorkerThreads(): typeof WorkerThreads {
  return (workerThreads ??= require('worker_threads') as typeof WorkerThreads);
}
