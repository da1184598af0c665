// The validator must pass both overlays and reject broken objects: node --test (in k8s/)
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, EXTERNAL_SECRETS, render, parseObjects, validateObject, validateRendered } from "./validate.mjs";

function renderedObjects(overlay) {
  return parseObjects(render(overlay)).objects;
}

function find(objects, kind, name) {
  return structuredClone(objects.find((o) => o.kind === kind && (!name || o.metadata.name === name)));
}

const prod = renderedObjects("prod");
const dev = renderedObjects("dev");
const deployment = () => find(prod, "Deployment", "readnext");
const container = (d) => d.spec.template.spec.containers[0];

function assertRejected(object, pattern) {
  const errors = validateObject(object);
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got ${JSON.stringify(errors)}`);
}

for (const overlay of OVERLAYS) {
  test(`overlay ${overlay} renders and validates`, () => {
    const { errors, objects } = validateRendered(render(overlay), EXTERNAL_SECRETS[overlay]);
    assert.deepEqual(errors, []);
    assert.ok(objects.length > 5);
  });
}

test("a misspelt field is rejected", () => {
  const d = deployment();
  container(d).readinesProbe = container(d).readinessProbe;
  assertRejected(d, /containers\[0\]\.readinesProbe: unknown field/);
});

test("a misspelt field in the pod security context is rejected", () => {
  const d = deployment();
  d.spec.template.spec.securityContext.runAsNonroot = true;
  assertRejected(d, /securityContext\.runAsNonroot: unknown field/);
});

test("a value of the wrong type is rejected", () => {
  const d = deployment();
  d.spec.replicas = "two";
  assertRejected(d, /replicas/);
});

test("a missing required field is rejected", () => {
  const d = deployment();
  delete d.spec.selector;
  assertRejected(d, /selector/);
});

test("a value outside an enum is rejected", () => {
  const d = deployment();
  container(d).imagePullPolicy = "Sometimes";
  assertRejected(d, /imagePullPolicy/);
});

test("a kind without a schema is rejected", () => {
  assertRejected({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: {} }, /no schema/);
});

test("a CloudNativePG Cluster without a backup destination is rejected", () => {
  const c = find(prod, "Cluster");
  delete c.spec.backup.barmanObjectStore.destinationPath;
  assertRejected(c, /destinationPath/);
});

test("a misspelt CloudNativePG Cluster field is rejected", () => {
  const c = find(prod, "Cluster");
  c.spec.instance = 3;
  assertRejected(c, /additional properties: instance/);
});

test("a ScheduledBackup with a five-field cron schedule is rejected", () => {
  const b = find(prod, "ScheduledBackup");
  b.spec.schedule = "0 3 * * *";
  assertRejected(b, /schedule/);
});

test("a ServiceMonitor without endpoints is rejected", () => {
  const m = find(prod, "ServiceMonitor");
  m.spec.endpoints = [];
  assertRejected(m, /endpoints/);
});

function referenceErrors(objects, overlay) {
  const yaml = objects.map((o) => JSON.stringify(o)).join("\n---\n");
  return validateRendered(yaml, EXTERNAL_SECRETS[overlay]).errors;
}

test("an env var naming a ConfigMap key that does not exist is rejected", () => {
  const objects = structuredClone(dev);
  const env = container(objects.find((o) => o.kind === "Deployment")).env;
  env.find((e) => e.valueFrom?.configMapKeyRef).valueFrom.configMapKeyRef.key = "NO_SUCH_KEY";
  assert.ok(referenceErrors(objects, "dev").some((e) => /has no key NO_SUCH_KEY/.test(e)));
});

test("a Secret that is neither rendered nor external is rejected", () => {
  const objects = structuredClone(prod);
  const env = container(objects.find((o) => o.kind === "Deployment")).env;
  env.find((e) => e.name === "QUARKUS_DATASOURCE_PASSWORD").valueFrom.secretKeyRef.name = "somewhere-else";
  assert.ok(referenceErrors(objects, "prod").some((e) => /Secret somewhere-else/.test(e)));
});

test("a Service whose target port the pods do not have is rejected", () => {
  const objects = structuredClone(dev);
  objects.find((o) => o.kind === "Service" && o.metadata.name === "readnext").spec.ports[0].targetPort = "https";
  assert.ok(referenceErrors(objects, "dev").some((e) => /targetPort https/.test(e)));
});

test("a NetworkPolicy that selects no pod is rejected", () => {
  const objects = structuredClone(prod);
  objects.find((o) => o.kind === "NetworkPolicy").spec.podSelector.matchLabels = { "cnpg.io/cluster": "other-db" };
  assert.ok(referenceErrors(objects, "prod").some((e) => /selects no pod/.test(e)));
});

test("a CronJob env var naming a ConfigMap key that does not exist is rejected", () => {
  const objects = structuredClone(prod);
  const job = objects.find((o) => o.kind === "CronJob");
  const env = job.spec.jobTemplate.spec.template.spec.containers[0].env;
  env.find((e) => e.valueFrom?.configMapKeyRef).valueFrom.configMapKeyRef.key = "NO_SUCH_KEY";
  assert.ok(referenceErrors(objects, "prod").some((e) => /CronJob\/readnext-import-arxiv: .*has no key NO_SUCH_KEY/.test(e)));
});

test("an Ingress whose backend port the Service does not have is rejected", () => {
  const objects = structuredClone(prod);
  objects.find((o) => o.kind === "Ingress").spec.rules[0].http.paths[0].backend.service.port = { name: "https" };
  assert.ok(referenceErrors(objects, "prod").some((e) => /Service readnext has no port https/.test(e)));
});

test("an Ingress host without TLS is rejected", () => {
  const objects = structuredClone(prod);
  objects.find((o) => o.kind === "Ingress").spec.rules[0].host = "other.example.com";
  assert.ok(referenceErrors(objects, "prod").some((e) => /host other.example.com has no TLS/.test(e)));
});

test("a NetworkPolicy admitting pods that do not exist is rejected", () => {
  const objects = structuredClone(prod);
  const db = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === "readnext-db");
  db.spec.ingress[0].from[1].podSelector.matchLabels["app.kubernetes.io/component"] = "importer";
  assert.ok(referenceErrors(objects, "prod").some((e) => /admits .*importer.*selects no pod/.test(e)));
});
