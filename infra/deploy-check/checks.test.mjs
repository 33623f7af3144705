// The checks themselves (issue 24, "docker-compose, Kubernetes": compose and the chart validated): each case
// breaks one rule the way a slip in the real files would, and the check must name it. `node --test` here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompose, unknownCompose, unknownKubernetes, canonical } from './compose-keys.mjs';
import { composeSchemaErrors, composeReferenceErrors, kubernetesErrors, kustomize, yamlObjects, interpolate, referenceErrors } from './checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const compose = () => loadCompose(join(root, 'docker-compose.yml'));
const rendered = () => yamlObjects(kustomize(join(root, 'infra/k8s')));
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);

test('issue 24 compose: the repository\'s docker-compose.yml passes the schema and the key check', () => {
  const c = compose();
  assert.deepEqual(composeSchemaErrors(c), []);
  assert.deepEqual(unknownCompose(root, c), []);
});

test('issue 24 compose: the Compose schema refuses an unknown service attribute and a wrong type', () => {
  const c = compose();
  c.services.gateway.restart_policy = 'always'; // not a service attribute (deploy.restart_policy is)
  c.services.sandbox.ports = 8090; // must be a list
  const errors = composeSchemaErrors(c).join('\n');
  assert.match(errors, /restart_policy/);
  assert.match(errors, /\/services\/sandbox\/ports must be array/);
});

test('issue 24 compose: the top-level name and long volume syntax are accepted (docker-compose 1.29 refused them)', () => {
  const c = compose();
  assert.equal(c.name, 'baokao');
  assert.ok(c.services.keycloak.volumes.some((v) => typeof v === 'object' && v.bind?.create_host_path === false));
  assert.deepEqual(composeSchemaErrors(c), []);
});

test('issue 24 compose: a variable no configuration key stands for is named with its service', () => {
  const c = compose();
  c.services['photo-service'].environment.BAOKAO_PHOTO_S3_ENDPIONT = 'http://s3:9000'; // misspelt
  c.services['account-service'].environment.BAOKAO_S3_PUBLIC_HOST = 'localhost'; // no such key
  // a real key, of a library this application does not run with
  c.services.sandbox.environment.BAOKAO_S3_ENDPOINT = 'http://s3:9000';
  const unknown = unknownCompose(root, c).map((u) => `${u.service} ${u.variable}`);
  assert.deepEqual(unknown.sort(), ['account-service BAOKAO_S3_PUBLIC_HOST', 'photo-service BAOKAO_PHOTO_S3_ENDPIONT',
    'sandbox BAOKAO_S3_ENDPOINT']);
});

test('issue 24 compose: relaxed binding: dashes dropped or turned into underscores, map keys and list indexes below', () => {
  assert.equal(canonical('baokao.personal-data.active-key-id'), 'BAOKAO_PERSONALDATA_ACTIVEKEYID');
  assert.equal(canonical('baokao.security.issuers[0].issuer'), 'BAOKAO_SECURITY_ISSUERS_0_ISSUER');
  const c = compose();
  const env = c.services['account-service'].environment;
  env.BAOKAO_PERSONAL_DATA_KEYS_SECOND = 'x'; // a map entry, the legacy form
  env.SPRING_KAFKA_BOOTSTRAPSERVERS = 'a:9092'; // Spring Boot's own key, canonical form
  env.SERVER_TOMCAT_REMOTEIP_INTERNALPROXY = 'x'; // Boot's key is internal-proxies
  assert.deepEqual(unknownCompose(root, c).map((u) => u.variable), ['SERVER_TOMCAT_REMOTEIP_INTERNALPROXY']);
});

test('issue 24 compose: interpolation defaults are what is validated', () => {
  assert.equal(interpolate('${BAOKAO_PROFILES:-compose,local}'), 'compose,local');
  assert.equal(interpolate('$${SERVER_PORT}'), '${SERVER_PORT}');
});

test('issue 24 kubernetes: every rendered object passes its schema; the state is the operators\' custom resources', () => {
  const objects = rendered();
  for (const o of objects) assert.deepEqual(kubernetesErrors(o), [], `${o.kind} ${o.metadata.name}`);
  const kinds = new Set(objects.map((o) => `${o.apiVersion} ${o.kind}`));
  for (const k of ['kafka.strimzi.io/v1 Kafka', 'kafka.strimzi.io/v1 KafkaNodePool', 'postgresql.cnpg.io/v1 Cluster',
    'k8s.keycloak.org/v2alpha1 Keycloak', 'autoscaling/v2 HorizontalPodAutoscaler', 'policy/v1 PodDisruptionBudget',
    'networking.k8s.io/v1 Ingress']) {
    assert.ok(kinds.has(k), k);
  }
});

test('issue 24 kubernetes: a built-in kind with a wrong type or a missing required field is refused', () => {
  const objects = rendered();
  const deployment = structuredClone(find(objects, 'Deployment', 'photo-service'));
  deployment.spec.replicas = 'three';
  assert.match(kubernetesErrors(deployment).join('\n'), /replicas must be integer/);
  const hpa = structuredClone(find(objects, 'HorizontalPodAutoscaler', 'gateway'));
  delete hpa.spec.maxReplicas;
  assert.match(kubernetesErrors(hpa).join('\n'), /maxReplicas/);
});

test('issue 24 kubernetes: a custom resource with an unknown field or a bad value is refused', () => {
  const objects = rendered();
  const kafka = structuredClone(find(objects, 'Kafka', 'baokao'));
  kafka.spec.kafka.replicas = 3; // v1 has no replicas here: the KafkaNodePool holds them
  assert.match(kubernetesErrors(kafka).join('\n'), /replicas/);
  const cluster = structuredClone(find(objects, 'Cluster', 'pg-account'));
  cluster.spec.instances = 0;
  assert.match(kubernetesErrors(cluster).join('\n'), /instances/);
  const keycloak = structuredClone(find(objects, 'Keycloak', 'keycloak'));
  keycloak.spec.db.vendr = 'postgres';
  assert.match(kubernetesErrors(keycloak).join('\n'), /vendr/);
});

test('issue 24 kubernetes: a kind with no schema here is refused, not passed unchecked', () => {
  const errors = kubernetesErrors({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } });
  assert.match(errors.join('\n'), /no schema for example.org\/v1 Widget/);
});

test('issue 24 kubernetes: every application has probes on the health groups, requests, an HPA and a PDB', () => {
  const objects = rendered();
  for (const app of ['gateway', 'account-service', 'enrollment-service', 'photo-service', 'payment-service',
    'notification-service']) {
    const container = find(objects, 'Deployment', app).spec.template.spec.containers[0];
    assert.equal(container.readinessProbe.httpGet.path, '/actuator/health/readiness', app);
    assert.equal(container.livenessProbe.httpGet.path, '/actuator/health/liveness', app);
    assert.ok(container.resources.requests.cpu && container.resources.requests.memory, app);
    assert.ok(find(objects, 'HorizontalPodAutoscaler', app), app);
    assert.ok(find(objects, 'PodDisruptionBudget', app), app);
    assert.ok(find(objects, 'Service', app), app);
  }
});

test('issue 24 kubernetes: the Deployments\' variables (env and whole ConfigMaps) are configuration keys', () => {
  const objects = rendered();
  assert.deepEqual(unknownKubernetes(root, objects), []);
  const photo = find(objects, 'Deployment', 'photo-service').spec.template.spec.containers[0];
  photo.env.push({ name: 'BAOKAO_PHOTO_IDENTITY_TOKENURL', value: 'x' }); // the key is token-uri
  find(objects, 'ConfigMap', 'baokao-services').data.BAOKAO_MESSAGING_TOPIC_REPLICATIONFACTOR = '3'; // topics
  const unknown = unknownKubernetes(root, objects).map((u) => `${u.module} ${u.variable}`);
  assert.ok(unknown.includes('photo-service BAOKAO_PHOTO_IDENTITY_TOKENURL'), unknown.join());
  assert.ok(unknown.includes('account-service BAOKAO_MESSAGING_TOPIC_REPLICATIONFACTOR'), unknown.join());
});

test('issue 24 compose: the four demo blockers stay fixed', () => {
  const c = interpolate(compose());
  const s = c.services;
  // the sandbox's pages (bank pages, SMS inbox) reach a person
  assert.ok(s.sandbox.ports.includes('8090:8090'));
  // demo data outside `./baokao up`: the local profile's Demo* beans, unless BAOKAO_PROFILES says otherwise
  for (const app of ['account-service', 'enrollment-service']) {
    assert.deepEqual(s[app].environment.SPRING_PROFILES_ACTIVE.split(','), ['compose', 'local'], app);
  }
  // account-service has its S3 settings (ACC-8 proof images, libs/object-storage baokao.s3.*)
  for (const key of ['ENDPOINT', 'ACCESS_KEY', 'SECRET_KEY', 'BUCKET']) {
    assert.ok(s['account-service'].environment[`BAOKAO_S3_${key}`], key);
  }
  // presigned links name a host the browser reaches (baokao.s3.public-endpoint): this host's loopback, at the port
  // the S3 container publishes there; the services call the container by its name
  const links = new URL(s['photo-service'].environment.BAOKAO_S3_PUBLICENDPOINT);
  assert.equal(links.hostname, 'localhost');
  assert.ok(s.s3.ports.includes(`127.0.0.1:${links.port}:9000`), s.s3.ports);
  assert.equal(new URL(s['photo-service'].environment.BAOKAO_S3_ENDPOINT).hostname, 's3');
});

test('issue 24 compose: three KRaft brokers, topics with three copies and min ISR 2', () => {
  const c = compose();
  const brokers = Object.entries(c.services).filter(([, d]) => d.image?.startsWith('apache/kafka'));
  assert.equal(brokers.length, 3);
  for (const [name, d] of brokers) {
    assert.equal(d.environment.KAFKA_CONTROLLER_QUORUM_VOTERS.split(',').length, 3, name);
    assert.equal(d.environment.KAFKA_MIN_INSYNC_REPLICAS, 2, name);
  }
  assert.equal(new Set(brokers.map(([, d]) => d.environment.KAFKA_NODE_ID)).size, 3);
  const env = c.services['payment-service'].environment;
  assert.equal(env.BAOKAO_MESSAGING_TOPICS_REPLICATIONFACTOR, '3');
  assert.equal(env.BAOKAO_MESSAGING_TOPICS_MININSYNCREPLICAS, '2');
  assert.equal(env.SPRING_KAFKA_BOOTSTRAP_SERVERS.split(',').length, 3);
});

test('issue 24 kubernetes: names the objects give each other exist (Services, HPA targets, ConfigMaps, CNPG Secrets)', () => {
  assert.deepEqual(referenceErrors(rendered()), []);
  const objects = rendered();
  find(objects, 'Cluster', 'pg-payment').metadata.name = 'pg-payments'; // renamed: payment-service's Secret is gone
  find(objects, 'HorizontalPodAutoscaler', 'gateway').spec.scaleTargetRef.name = 'gateway-v2';
  find(objects, 'ConfigMap', 'baokao-services').metadata.name = 'baokao-service';
  const gatewayEnv = find(objects, 'Deployment', 'gateway').spec.template.spec.containers[0].env;
  gatewayEnv.find((e) => e.name === 'BAOKAO_GATEWAY_SERVICES_PHOTO').value = 'http://photo:8083';
  const errors = referenceErrors(objects).join('\n');
  assert.match(errors, /payment-service: no CloudNativePG Cluster pg-payment for Secret pg-payment-app/);
  assert.match(errors, /HorizontalPodAutoscaler gateway: no Deployment gateway-v2/);
  assert.match(errors, /account-service: no ConfigMap baokao-services/);
  assert.match(errors, /gateway: BAOKAO_GATEWAY_SERVICES_PHOTO names photo, no Service of that name/);
});

test('issue 24 compose: names the file gives (depends_on, volumes, mounted files, build modules) exist', () => {
  assert.deepEqual(composeReferenceErrors(compose(), root), []);
  const c = compose();
  c.services.gateway.depends_on.minio = { condition: 'service_healthy' }; // the S3 server was renamed
  c.services.s3.volumes = ['minio-data:/data', './infra/docker/seaweedfs/s3.jsn:/etc/seaweedfs/s3.json:ro'];
  c.services.sandbox.build.args.MODULE_DIR = 'infra/sandbx';
  const errors = composeReferenceErrors(c, root).join('\n');
  assert.match(errors, /gateway: depends_on minio, no such service/);
  assert.match(errors, /s3: volume minio-data is not declared/);
  assert.match(errors, /s3: mounts .\/infra\/docker\/seaweedfs\/s3.jsn, which does not exist/);
  assert.match(errors, /sandbox: module infra\/sandbx does not exist/);
});
