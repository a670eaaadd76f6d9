/**
 * m365agents.yml and m365agents.local.yml against the Microsoft 365 Agents Toolkit's own JSON schema
 * for the version they declare, as the toolkit ships it (`@microsoft/teamsfx-core`, the toolkit's
 * core library: `resource/yaml-schema/<version>/yaml.schema.json`), read from the installed package
 * so nothing is fetched. The focused schema in toolkitYaml.test.ts checks the actions in more depth.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { readProjectFile } from './support/projectFiles';

const CORE = path.dirname(require.resolve('@microsoft/teamsfx-core/package.json'));

function toolkitSchema(version: string): object {
  return JSON.parse(readFileSync(path.join(CORE, 'resource', 'yaml-schema', version, 'yaml.schema.json'), 'utf8')) as object;
}

describe.each(['m365agents.yml', 'm365agents.local.yml'])('%s', (file) => {
  it("is valid against the toolkit's own schema for its version", () => {
    const yaml = parse(readProjectFile(file)) as { version: string };
    // The toolkit's schema uses keywords of its own (for its editor); strict mode would refuse them.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(toolkitSchema(yaml.version));
    const valid = validate(yaml);
    expect(valid ? [] : validate.errors).toEqual([]);
  });
});
