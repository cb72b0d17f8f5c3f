/**
 * Writes docs/policy.schema.json from the policy key catalogue (src/main/policy/policy-keys.ts).
 * `npm run policy:schema` after adding or changing a key; src/main/policy/policy-schema.test.ts
 * fails while the published file and the code disagree.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPolicyJsonSchema } from '../src/main/policy/policy-document';

const target = fileURLToPath(new URL('../docs/policy.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(buildPolicyJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
