// ./baokao test, stage "Deployment files": docker-compose.yml against the Compose Specification and the services'
// configuration keys, infra/k8s rendered by Kustomize and every object checked against its schema.
// Usage: node infra/deploy-check/check.mjs [repository root]; exit 1 naming every problem.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompose, unknownCompose, unknownKubernetes } from './compose-keys.mjs';
import { composeSchemaErrors, composeReferenceErrors, kustomize, kubernetesErrors, referenceErrors, yamlObjects } from './checks.mjs';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
const problems = [];
let checks = 0;

const compose = loadCompose(join(root, 'docker-compose.yml'));
checks++;
for (const e of composeSchemaErrors(compose)) problems.push(`docker-compose.yml: ${e}`);
checks++;
for (const e of composeReferenceErrors(compose, root)) problems.push(`docker-compose.yml: ${e}`);
checks++;
for (const { service, module, variable } of unknownCompose(root, compose)) {
  problems.push(`docker-compose.yml: service ${service} sets ${variable}, which is no configuration key of ${module}`);
}
console.log(`docker-compose.yml: ${Object.keys(compose.services).length} services checked`);

const objects = yamlObjects(kustomize(join(root, 'infra/k8s')));
for (const object of objects) {
  checks++;
  problems.push(...kubernetesErrors(object).map((e) => `infra/k8s: ${e}`));
}
checks++;
problems.push(...referenceErrors(objects).map((e) => `infra/k8s: ${e}`));
checks++;
for (const { module, variable } of unknownKubernetes(root, objects)) {
  problems.push(`infra/k8s: Deployment ${module} sets ${variable}, which is no configuration key of ${module}`);
}
console.log(`infra/k8s: ${objects.length} objects rendered by kubectl kustomize and checked`);

for (const p of problems) console.log(`  FAIL ${p}`);
console.log(`${checks - Math.min(checks, new Set(problems).size)} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
