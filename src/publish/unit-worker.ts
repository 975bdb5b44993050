/**
 * A worker thread of a large build or validation: it compiles the templates
 * once, then takes advisory files one by one and answers with their results.
 * Rendered files go straight to the staging folder, never back through the
 * main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toCrossing, type TaskReply } from '../worker-pool.js';
import { processAdvisoryFile, unitRendering, type UnitRendering, type UnitResult } from './advisory-unit.js';
import type { UnitJob } from './units.js';

const job = workerData as UnitJob;

async function setUp(): Promise<UnitRendering | undefined> {
  if (!job.build) return undefined;
  // Only a build's threads load the rendering libraries: validation's start sooner without them.
  const { createRenderer } = await import('../render/renderer.js');
  return unitRendering(job.build, await createRenderer(job.build.config, job.build.templateDirs));
}

const ready = setUp();

parentPort!.on('message', async ({ id, task }: { id: number; task: string }) => {
  let reply: TaskReply<UnitResult>;
  try {
    reply = { id, result: await processAdvisoryFile(task, job.settings, await ready) };
  } catch (error) {
    reply = { id, error: toCrossing(error) };
  }
  parentPort!.postMessage(reply);
});
