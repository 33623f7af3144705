// Every environment variable docker-compose.yml gives one of our applications must be a configuration key that
// application reads (issue 24, "docker-compose": settings in compose match the services' configuration keys).
// A misspelt or invented key is silently ignored by Spring Boot, so the container starts with the default instead.
//
// The keys an application knows, from its sources (no build needed):
//   - every key (leaf or parent) of its src/main/resources application*.yml and of its libs' *.yml defaults (the
//     libs/ modules its pom depends on, not for tests, and theirs in turn);
//   - every ${placeholder} of an @Value in its sources and its libs';
//   - every @ConfigurationProperties("prefix") record: prefix + each component (kebab-case); a Map, List or
//     nested type below it accepts anything under it (map keys, list indexes, nested fields);
//   - what libs bind by hand with Binder.bindOrCreate(PREFIX, Type.class) (PREFIX a string constant there);
//   - Spring Boot's and Spring Cloud's own keys: META-INF/spring-configuration-metadata.json of their jars in the
//     local Maven repository (~/.m2; ./baokao test's first stage has filled it).
// Relaxed binding (Spring Boot: environment variables): the property baokao.photo.s3.endpoint or
// baokao.personal-data.active-key-id is the variable BAOKAO_PHOTO_S3_ENDPOINT / BAOKAO_PERSONALDATA_ACTIVEKEYID:
// dashes dropped, dots and list brackets to underscores, upper case. Both sides are compared in that form.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { parse, parseAllDocuments } from 'yaml';

export function canonical(property) {
  return property.replace(/\[(\d+)\]/g, '.$1').replace(/-/g, '').replace(/\./g, '_').toUpperCase();
}

// Spring Boot also binds the older form with each dash turned into an underscore (SystemEnvironmentPropertyMapper's
// legacy names): BAOKAO_PERSONAL_DATA_ACTIVE_KEY_ID finds baokao.personal-data.active-key-id too.
function legacy(property) {
  return property.replace(/\[(\d+)\]/g, '.$1').replace(/[-.]/g, '_').toUpperCase();
}

function walk(dir, accept, found = []) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'target') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, accept, found);
    else if (accept(path)) found.push(path);
  }
  return found;
}

function kebab(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

class KnownKeys {
  exact = new Set();
  prefixes = new Set(); // anything below these is accepted (maps, lists, nested objects)

  add(property) { this.exact.add(canonical(property)); this.exact.add(legacy(property)); }
  addTree(property) {
    this.add(property);
    this.prefixes.add(canonical(property));
    this.prefixes.add(legacy(property));
  }

  knows(variable) {
    if (this.exact.has(variable)) return true;
    for (const prefix of this.prefixes) if (variable.startsWith(prefix + '_')) return true;
    return false;
  }
}

function addYaml(keys, file) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const visit = (node, path) => {
      if (node && typeof node === 'object' && !Array.isArray(node)) {
        for (const [k, v] of Object.entries(node)) {
          const p = path ? `${path}.${k}` : k;
          keys.add(p);
          visit(v, p);
        }
      } else if (Array.isArray(node)) {
        node.forEach((v, i) => { keys.add(`${path}[${i}]`); visit(v, `${path}[${i}]`); });
      }
    };
    visit(doc.toJS(), '');
  }
}

const LEAF_TYPES = new Set(['String', 'int', 'Integer', 'long', 'Long', 'boolean', 'Boolean', 'double', 'Double',
  'float', 'Float', 'Duration', 'Period', 'DataSize', 'URI', 'URL', 'Path', 'Pattern', 'Charset', 'Locale',
  'ZoneId', 'short', 'Short', 'byte', 'Instant', 'LocalDate', 'LocalTime', 'BigDecimal', 'Resource', 'char', 'Character']);

// The components of `record Name(...)` in a Java source: [{ type, name }].
function recordComponents(source, recordName) {
  const start = source.search(new RegExp(`record\\s+${recordName}\\s*\\(`));
  if (start < 0) return null;
  let i = source.indexOf('(', start) + 1, depth = 1, text = '';
  for (; i < source.length && depth > 0; i++) {
    const c = source[i];
    if (c === '(' || c === '<' || c === '{') depth++;
    if (c === ')' || c === '>' || c === '}') depth--;
    if (depth > 0) text += c;
  }
  // drop annotations with their arguments, then split on top-level commas
  let stripped = '', d = 0;
  for (let j = 0; j < text.length; j++) {
    if (text[j] === '@') {
      j++;
      while (j < text.length && /[\w.]/.test(text[j])) j++;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === '(') {
        let depth2 = 1; j++;
        for (; j < text.length && depth2 > 0; j++) {
          if (text[j] === '(') depth2++;
          if (text[j] === ')') depth2--;
        }
      }
      j--;
      continue;
    }
    stripped += text[j];
  }
  const parts = [];
  let current = '';
  for (const c of stripped) {
    if (c === '<') d++;
    if (c === '>') d--;
    if (c === ',' && d === 0) { parts.push(current); current = ''; } else current += c;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean).map((p) => {
    const m = p.match(/^(?:final )?(.+?)\s+(\w+)$/);
    return m ? { type: m[1].replace(/\s/g, ''), name: m[2] } : null;
  }).filter(Boolean);
}

function addRecord(keys, sources, prefix, recordName, seen = new Set()) {
  const file = sources.find((s) => new RegExp(`record\\s+${recordName}\\s*\\(`).test(s.text));
  const components = file && recordComponents(file.text, recordName);
  if (!components || seen.has(recordName)) { keys.addTree(prefix); return; }
  seen.add(recordName);
  for (const { type, name } of components) {
    const property = prefix ? `${prefix}.${kebab(name)}` : kebab(name);
    const base = type.replace(/<.*$/, '').replace(/\[\]$/, '');
    if (LEAF_TYPES.has(type)) keys.add(property);
    else if (/^(Map|List|Set|Collection|SortedMap|LinkedHashMap)$/.test(base) || type.endsWith('[]')) keys.addTree(property);
    else addRecord(keys, sources, property, base, new Set(seen)); // a nested record, or an enum/unknown: its tree
  }
}

function addJava(keys, sources) {
  for (const { text } of sources) {
    for (const m of text.matchAll(/@Value\("\$\{([^}:]+)/g)) keys.add(m[1]);
    for (const m of text.matchAll(/@ConfigurationProperties\((?:prefix\s*=\s*|value\s*=\s*)?"([^"]*)"\)[\s\S]*?record\s+(\w+)/g)) {
      addRecord(keys, sources, m[1], m[2]);
    }
    for (const m of text.matchAll(/bindOrCreate\((\w+),\s*(\w+)\.class\)/g)) {
      const constant = text.match(new RegExp(`String\\s+${m[1]}\\s*=\\s*"([^"]+)"`));
      if (constant) addRecord(keys, sources, constant[1].replace(/\.$/, ''), m[2]);
    }
  }
}

let bootKeys = null;
// Spring Boot's and Spring Cloud's documented keys, from the metadata inside their jars in ~/.m2.
function springKeys() {
  if (bootKeys) return bootKeys;
  bootKeys = new KnownKeys();
  const repo = process.env.BAOKAO_M2_REPOSITORY || join(homedir(), '.m2', 'repository');
  const roots = [join(repo, 'org/springframework/boot'), join(repo, 'org/springframework/cloud')];
  const jars = roots.flatMap((r) => walk(r, (p) => p.endsWith('.jar') && !/-(sources|javadoc|tests)\.jar$/.test(p)));
  let read = 0;
  for (const jar of jars) {
    let json;
    try {
      json = execFileSync('unzip', ['-p', jar, 'META-INF/spring-configuration-metadata.json'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    } catch { continue; }
    if (!json.trim()) continue;
    read++;
    const metadata = JSON.parse(json);
    for (const p of metadata.properties ?? []) {
      if (/java\.util\.(Map|List|Set|Collection)|\[\]$/.test(p.type ?? '')) bootKeys.addTree(p.name);
      else bootKeys.add(p.name);
    }
    for (const g of metadata.groups ?? []) bootKeys.add(g.name);
  }
  if (read === 0) {
    throw new Error(`no Spring Boot configuration metadata under ${roots.join(', ')}: build the project first ` +
      '(./mvnw install -DskipTests) so the local Maven repository holds Spring Boot\'s jars');
  }
  return bootKeys;
}

function javaSources(dir) {
  return walk(join(dir, 'src/main/java'), (p) => p.endsWith('.java')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

// The libs/ modules a module runs with: its pom's non-test dependencies on them, and theirs in turn (a lib's
// artifactId is its folder's name). The test kit, a test dependency, is never among them.
function libsOf(root, moduleDir, seen = new Set()) {
  const pom = join(root, moduleDir, 'pom.xml');
  if (!existsSync(pom)) return seen;
  const dependencies = readFileSync(pom, 'utf8').match(/<dependency>[\s\S]*?<\/dependency>/g) ?? [];
  for (const dependency of dependencies) {
    if (/<scope>\s*test\s*<\/scope>/.test(dependency)) continue;
    const artifact = dependency.match(/<artifactId>\s*([^<\s]+)\s*<\/artifactId>/)?.[1];
    if (!artifact || seen.has(artifact) || !existsSync(join(root, 'libs', artifact, 'src/main'))) continue;
    seen.add(artifact);
    libsOf(root, join('libs', artifact), seen);
  }
  return seen;
}

// The keys application `moduleDir` knows (its own sources and resources, and those of the libs it runs with).
export function knownKeys(root, moduleDir) {
  const keys = new KnownKeys();
  const libs = [...libsOf(root, moduleDir)].map((l) => join(root, 'libs', l));
  for (const dir of [join(root, moduleDir), ...libs]) {
    for (const yml of walk(join(dir, 'src/main/resources'), (p) => /\.ya?ml$/.test(p) && !p.includes('/db/'))) {
      if (dir === join(root, moduleDir) ? /application.*\.ya?ml$/.test(basename(yml)) : true) addYaml(keys, yml);
    }
  }
  addJava(keys, [join(root, moduleDir), ...libs].flatMap(javaSources));
  return keys;
}

// Compose variables no configuration key stands for, yet the program reads (the JVM, the image's entry point).
const NOT_SPRING = new Set(['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', 'JAVA_OPTS', 'TZ']);

// [{ service, variable }] for every variable of an application service that matches no key.
export function unknownCompose(root, compose) {
  const unknown = [];
  for (const [service, def] of Object.entries(compose.services ?? {})) {
    const module = def.build?.args?.MODULE_DIR ?? def.build?.args?.MODULE;
    if (!module) continue; // not one of ours (an image with its own settings)
    const keys = knownKeys(root, module);
    const env = Array.isArray(def.environment)
      ? Object.fromEntries(def.environment.map((e) => e.split('=')))
      : def.environment ?? {};
    for (const variable of Object.keys(env)) {
      if (NOT_SPRING.has(variable)) continue;
      if (keys.knows(variable) || springKeys().knows(variable)) continue;
      unknown.push({ service, module, variable });
    }
  }
  return unknown;
}

export function loadCompose(file) {
  // merge keys (<<) resolved, as Compose does
  return parse(readFileSync(file, 'utf8'), { merge: true, maxAliasCount: -1 });
}

// The same check for infra/k8s: every variable a Deployment's container gets (env, and the ConfigMaps it takes
// whole with envFrom) must be a configuration key of the application of the same name. Secrets are not read here
// (their values live in the cluster, docs/DEPLOYMENT.md).
export function unknownKubernetes(root, objects) {
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o.data ?? {}]));
  const unknown = [];
  for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
    const module = deployment.metadata.name;
    if (!existsSync(join(root, module, 'src/main'))) continue; // not one of ours
    const keys = knownKeys(root, module);
    for (const container of deployment.spec.template.spec.containers) {
      const variables = (container.env ?? []).map((e) => e.name);
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef) variables.push(...Object.keys(configMaps.get(from.configMapRef.name) ?? {}));
      }
      for (const variable of variables) {
        if (NOT_SPRING.has(variable) || keys.knows(variable) || springKeys().knows(variable)) continue;
        unknown.push({ service: module, module, variable });
      }
    }
  }
  return unknown;
}
