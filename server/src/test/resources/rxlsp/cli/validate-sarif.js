// Validates SARIF files against the SARIF 2.1.0 JSON schema with ajv.
// usage: node validate-sarif.js NODE_MODULES SCHEMA FILE...  (prints each error; exit 1 when any)
const [modules, schemaPath, ...files] = process.argv.slice(2);
const Ajv = require(modules + '/ajv');
const schema = require(schemaPath);
// the SARIF 2.1.0 schema is written in JSON Schema draft-04
const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
ajv.addMetaSchema(require(modules + '/ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);
let failed = false;
for (const file of files) {
  const log = JSON.parse(require('fs').readFileSync(file, 'utf8'));
  if (!validate(log)) {
    failed = true;
    for (const e of validate.errors) console.log(file + ': ' + e.dataPath + ' ' + e.message);
  }
}
process.exit(failed ? 1 : 0);
