// The deployment files' checks (issue 24, "docker-compose, Kubernetes"), offline: schemas are vendored in
// schemas/ (sources in schemas/SOURCES.md), the Kubernetes kinds' schemas come with the npm package
// kubernetes-models, and Kustomize is the one inside kubectl.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
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

// Names the rendered objects give each other must exist among them (or be made by an operator from one of them):
// a Service's selector matches some pod template; an HPA's target, a PDB's selector, an Ingress backend, a ConfigMap
// taken with envFrom, a CloudNativePG Secret (pg-<cluster>-app) all exist. A renamed object otherwise still passes
// every schema and fails only in the cluster.
export function referenceErrors(objects) {
  const errors = [];
  const named = (kind) => new Set(objects.filter((o) => o.kind === kind).map((o) => o.metadata.name));
  const workloads = objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind));
  const matches = (selector) => workloads.some((w) => Object.entries(selector ?? {})
    .every(([k, v]) => w.spec.template.metadata?.labels?.[k] === v));
  // Services: ours, and those the operators make from their resources (Keycloak: <name>-service; Strimzi:
  // <cluster>-kafka-bootstrap; CloudNativePG: <cluster>-rw)
  const services = named('Service');
  for (const k of named('Keycloak')) services.add(`${k}-service`);
  for (const k of named('Kafka')) services.add(`${k}-kafka-bootstrap`);
  for (const c of named('Cluster')) services.add(`${c}-rw`);
  const configMaps = named('ConfigMap');
  const clusters = named('Cluster');
  for (const s of objects.filter((o) => o.kind === 'Service')) {
    if (!matches(s.spec.selector)) errors.push(`Service ${s.metadata.name}: its selector matches no pod template`);
  }
  for (const h of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const t = h.spec.scaleTargetRef;
    if (!objects.some((o) => o.kind === t.kind && o.metadata.name === t.name)) {
      errors.push(`HorizontalPodAutoscaler ${h.metadata.name}: no ${t.kind} ${t.name}`);
    }
  }
  for (const p of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
    if (!matches(p.spec.selector?.matchLabels)) errors.push(`PodDisruptionBudget ${p.metadata.name}: its selector matches no pod template`);
  }
  for (const i of objects.filter((o) => o.kind === 'Ingress')) {
    for (const rule of i.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const name = path.backend.service?.name;
        if (name && !services.has(name)) errors.push(`Ingress ${i.metadata.name}: no Service ${name}`);
      }
    }
  }
  for (const w of workloads) {
    for (const c of w.spec.template.spec.containers) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name)) {
          errors.push(`${w.kind} ${w.metadata.name}: no ConfigMap ${from.configMapRef.name}`);
        }
      }
      for (const e of c.env ?? []) {
        const secret = e.valueFrom?.secretKeyRef?.name;
        const cluster = secret?.match(/^(pg-.+)-app$/)?.[1];
        if (cluster && !clusters.has(cluster)) errors.push(`${w.kind} ${w.metadata.name}: no CloudNativePG Cluster ${cluster} for Secret ${secret}`);
        const host = e.value?.match(/^(?:jdbc:postgresql|https?|redis):\/\/([a-z0-9-]+)[:/]/)?.[1];
        if (host && !host.includes('.') && !services.has(host)) errors.push(`${w.kind} ${w.metadata.name}: ${e.name} names ${host}, no Service of that name`);
      }
    }
  }
  return errors;
}

// What the Compose schema cannot see: a depends_on naming no service, a named volume not declared at the top, a
// bind-mounted file or folder of the repository that does not exist (Compose would create an empty folder in
// its place), a build context or Dockerfile that is missing.
export function composeReferenceErrors(compose, root) {
  const errors = [];
  const services = new Set(Object.keys(compose.services ?? {}));
  const volumes = new Set(Object.keys(compose.volumes ?? {}));
  const networks = new Set(['default', ...Object.keys(compose.networks ?? {})]);
  for (const [name, s] of Object.entries(compose.services ?? {})) {
    const dependsOn = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
    for (const d of dependsOn) if (!services.has(d)) errors.push(`service ${name}: depends_on ${d}, no such service`);
    for (const v of s.volumes ?? []) {
      const source = typeof v === 'string' ? v.split(':')[0] : v.source;
      if (!source) continue;
      if (source.startsWith('.') || source.startsWith('/')) {
        if (source.startsWith('.') && !existsSync(join(root, source))) errors.push(`service ${name}: mounts ${source}, which does not exist`);
      } else if (!volumes.has(source)) {
        errors.push(`service ${name}: volume ${source} is not declared under volumes:`);
      }
    }
    const nets = Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? {});
    for (const n of nets) if (!networks.has(n)) errors.push(`service ${name}: network ${n} is not declared under networks:`);
    if (s.build) {
      const context = join(root, s.build.context ?? '.');
      if (!existsSync(context)) errors.push(`service ${name}: build context ${s.build.context} does not exist`);
      if (s.build.dockerfile && !existsSync(join(context, s.build.dockerfile))) {
        errors.push(`service ${name}: Dockerfile ${s.build.dockerfile} does not exist`);
      }
      const module = s.build.args?.MODULE_DIR ?? s.build.args?.MODULE;
      if (module && !existsSync(join(root, module, 'pom.xml'))) errors.push(`service ${name}: module ${module} does not exist`);
    }
  }
  return errors;
}
