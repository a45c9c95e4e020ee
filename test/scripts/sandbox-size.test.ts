/**
 * The sandbox ships in the app's main bundle and stays small: the simulator, its demo scenario
 * and permission groups are in, the OpenAPI validator (ajv and the 100 KB schema) is not.
 */
import { describe, expect, it } from 'vitest';
import { measureSandbox } from '../../scripts/sandbox-size';

const size = await measureSandbox();

describe('the sandbox in the main bundle', () => {
  it('ships the in-process simulator, its demo scenario and the host', () => {
    const files = size.files.map((file) => file.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'src/sandbox/in-process.ts',
        'src/sandbox/fetch-transport.ts',
        'src/sandbox/scenarios/demo.json',
        'src/sandbox/data/permission-groups.sample.json',
        'src/main/core/sandbox/sandbox-host.ts',
      ]),
    );
  });

  it('leaves the OpenAPI validator, ajv, the schema, the node:http server and the generated scenarios out', () => {
    const unwanted = size.inputs.filter((file) =>
      /openapi-validator|openapi-tokens-subset|node_modules\/ajv|src\/sandbox\/(simulator|node-transport|scenarios|large-scenario|small-scenario)\.ts/u.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('stays within 200 KB of the unminified main bundle (README: Sandbox)', () => {
    expect(size.sandboxBytes).toBeGreaterThan(0);
    expect(size.sandboxBytes).toBeLessThan(200 * 1024);
    expect(size.sandboxBytes).toBeLessThan(size.mainBytes / 3);
  });
});
