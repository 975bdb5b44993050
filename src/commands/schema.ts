import { advisoryJsonSchema } from '../advisory/json-schema.js';
import type { ExitCode } from '../errors.js';
import type { Io } from '../report/logger.js';

export async function schema(io: Io): Promise<ExitCode> {
  io.stdout(`${JSON.stringify(advisoryJsonSchema(), null, 2)}\n`);
  return 0;
}
