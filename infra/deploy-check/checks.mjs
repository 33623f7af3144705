// The deployment files' checks (issue 24, "docker-compose, Kubernetes"), offline: schemas are vendored in
// schemas/ (sources in schemas/SOURCES.md), the Kubernetes kinds' schemas come with the npm package
// kubernetes-models, and Kustomize is the one inside kubectl.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function ajv() {
  const validator = new Ajv({ allErrors: true, strict: false });
  addFormats(validator);
  // formats the OpenAPI-derived CRD schemas name and JSON Schema does not define: types are still checked
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'duration', 'quantity']) {
    validator.addFormat(format, true);
  }
  return validator;
}

function describe(errors) {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`
    + (e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''));
}

// Compose's interpolation with no variable set: ${VAR:-default} and ${VAR-default} give the default, ${VAR} ''.
export function interpolate(value) {
  if (typeof value === 'string') {
    // $$ is a literal $ (one pass, so $${X} stays ${X} for the container's shell)
    return value.replace(/\$\$|\$\{(\w+)(?::?-([^}]*))?\}/g, (match, _name, fallback) => (match === '$$' ? '$' : fallback ?? ''));
  }
  if (Array.isArray(value)) return value.map(interpolate);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v)]));
  }
  return value;
}

// A vendored schema; all are draft-07 (Ajv's default), and the compose one names its meta-schema by an https
// address Ajv does not know, so the $schema line is dropped.
function schema(file) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  delete json.$schema;
  return json;
}

let composeValidator;
// Errors of a Compose file (already parsed, merge keys resolved) against the Compose Specification's schema.
export function composeSchemaErrors(compose) {
  composeValidator ??= ajv().compile(schema(join(here, 'schemas/compose-spec.json')));
  return composeValidator(interpolate(compose)) ? [] : describe(composeValidator.errors);
}

export function kustomize(dir) {
  return execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

// The custom resources' schemas, by "group/version Kind" (file names as the CRDs-catalog project writes them).
let crdValidators;
function crdValidator(apiVersion, kind) {
  if (!crdValidators) {
    crdValidators = new Map();
    const validator = ajv();
    for (const file of readdirSync(join(here, 'schemas/crds'))) {
      const m = file.match(/^(.+)_([a-z0-9]+)_(v[0-9a-z]+)\.json$/);
      if (!m) continue;
      crdValidators.set(`${m[1]}/${m[3]} ${m[2]}`, validator.compile(schema(join(here, 'schemas/crds', file))));
    }
  }
  return crdValidators.get(`${apiVersion} ${kind.toLowerCase()}`);
}

// The kubernetes-models class for a built-in kind, or undefined.
function builtInModel(apiVersion, kind) {
  const path = apiVersion.includes('/') ? apiVersion : `v1/${apiVersion}`.replace('v1/v1', 'v1');
  try {
    return require(`kubernetes-models/${path}/${kind}`)[kind];
  } catch {
    return undefined;
  }
}

// Errors of one Kubernetes object: a built-in kind against the Kubernetes API's schema, a custom resource against
// its CRD's schema; a kind neither knows is an error too (it would be applied unchecked).
export function kubernetesErrors(object) {
  const { apiVersion, kind } = object ?? {};
  const name = `${kind ?? '?'} ${object?.metadata?.name ?? '?'}`;
  if (!apiVersion || !kind) return [`${name}: no apiVersion or kind`];
  const Model = builtInModel(apiVersion, kind);
  if (Model) {
    try {
      new Model(object).validate();
      return [];
    } catch (e) {
      return [`${name} (${apiVersion}): ${e.message}`];
    }
  }
  const validate = crdValidator(apiVersion, kind);
  if (!validate) return [`${name}: no schema for ${apiVersion} ${kind} (vendor its CRD's schema in schemas/crds)`];
  return validate(object) ? [] : describe(validate.errors).map((e) => `${name} (${apiVersion}): ${e}`);
}

export function yamlObjects(text) {
  return parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
}
