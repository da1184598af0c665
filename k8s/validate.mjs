// Renders each kustomize overlay with `kubectl kustomize` and validates every rendered object, offline:
//  - built-in kinds against the Kubernetes API schemas shipped in the npm package kubernetes-models
//    (types, formats, enums, required fields), plus a strict pass that rejects fields the API does not know
//    (a typo such as `readinesProbe` would otherwise be dropped silently by the API server);
//  - custom resources (CloudNativePG Cluster and ScheduledBackup, Prometheus Operator ServiceMonitor) against the
//    small JSON schemas in schemas/;
//  - references inside an overlay: ConfigMap/Secret keys used by env and envFrom (of Deployments, StatefulSets,
//    Jobs and CronJobs), Service selectors and named target ports, selectors of HorizontalPodAutoscaler,
//    PodDisruptionBudget and NetworkPolicy (and the pods a NetworkPolicy admits from its own namespace), Ingress
//    backends (Service and port) and TLS for every host, and the CloudNativePG cluster named by a ScheduledBackup.
// Exits non-zero on the first overlay with any error, after listing all its errors.
//   node validate.mjs            validates overlays/dev and overlays/prod
//   node validate.mjs FILE...    validates already rendered multi-document YAML files
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve("kubernetes-models/package.json"));
const nodeModules = dirname(modelsRoot);

export const OVERLAYS = ["dev", "prod"];

// Secrets that an overlay references but does not render, with the keys they must have: made by hand from
// README.md (Deploying to Kubernetes) or by the CloudNativePG operator. Anything else missing is an error.
export const EXTERNAL_SECRETS = {
  prod: {
    "readnext-secrets": ["MP_JWT_VERIFY_PUBLICKEY"],
    "readnext-db-app": ["username", "password"],
    "readnext-backup-s3": ["ACCESS_KEY_ID", "ACCESS_SECRET_KEY"],
  },
};

// ---- rendering ---------------------------------------------------------------------------------------------

export function render(overlay) {
  return execFileSync("kubectl", ["kustomize", join(here, "overlays", overlay)], { encoding: "utf8" });
}

export function parseObjects(yamlText) {
  const objects = [];
  const errors = [];
  for (const doc of parseAllDocuments(yamlText)) {
    if (doc.errors.length) errors.push(...doc.errors.map((e) => `YAML: ${e.message}`));
    const value = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return { objects, errors };
}

// ---- built-in kinds: kubernetes-models ----------------------------------------------------------------------

function modelClass(apiVersion, kind) {
  try {
    return require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    return undefined;
  }
}

// The strict pass reads the field lists of the models' TypeScript declarations, which mirror the API's schemas.
const interfaceCache = new Map();

function interfaceAt(dtsFile) {
  if (interfaceCache.has(dtsFile)) return interfaceCache.get(dtsFile);
  const text = readFileSync(dtsFile, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const imports = new Map();
  for (const m of text.matchAll(/import \{([^}]+)\} from "([^"]+)";/g)) {
    const target = m[2].startsWith(".") ? resolve(dirname(dtsFile), m[2]) : join(nodeModules, m[2]);
    for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop())) {
      imports.set(name, `${target}.d.ts`);
    }
  }
  const body = /export interface I\w+(?: extends \w+)? \{([\s\S]*?)\n\}/.exec(text);
  const fields = new Map();
  if (body) {
    for (const m of body[1].matchAll(/"([^"]+)"\??:\s*(\{\s*\[key: string\]:\s*([^;]+);\s*\}|[^;]+);/g)) {
      fields.set(m[1], m[3] !== undefined ? { map: m[3].trim() } : { type: m[2].trim() });
    }
  }
  const result = body ? { fields, imports } : null; // null: a type alias (Quantity, IntOrString, Time…)
  interfaceCache.set(dtsFile, result);
  return result;
}

function checkTypedValue(value, type, imports, path, errors) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => checkTypedValue(v, array[1], imports, `${path}[${i}]`, errors));
    return;
  }
  const dts = imports.get(type);
  if (dts && typeof value === "object" && !Array.isArray(value)) checkUnknownFields(value, dts, path, errors);
}

function checkUnknownFields(value, dtsFile, path, errors) {
  const iface = interfaceAt(dtsFile);
  if (!iface) return;
  for (const [key, child] of Object.entries(value)) {
    const field = iface.fields.get(key);
    if (!field) {
      errors.push(`${path}.${key}: unknown field`);
    } else if (field.map) {
      if (child && typeof child === "object") {
        for (const [k, v] of Object.entries(child)) checkTypedValue(v, field.map, iface.imports, `${path}.${key}.${k}`, errors);
      }
    } else {
      checkTypedValue(child, field.type, iface.imports, `${path}.${key}`, errors);
    }
  }
}

function validateBuiltIn(object, Model) {
  const errors = [];
  try {
    new Model(object).validate();
  } catch (e) {
    errors.push(...String(e.message).split(/, (?=data[/ ])|\n/).map((line) => line.trim()).filter(Boolean));
  }
  const dts = join(modelsRoot, object.apiVersion, `${object.kind}.d.ts`);
  checkUnknownFields(object, dts, "", errors);
  return errors;
}

// ---- custom resources: our own schemas -----------------------------------------------------------------------

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
ajv.addVocabulary(["x-kubernetes-object"]); // names the apiVersion and kind a schema is for
const crdValidators = new Map();
for (const file of readdirSync(join(here, "schemas")).filter((f) => f.endsWith(".json"))) {
  const schema = JSON.parse(readFileSync(join(here, "schemas", file), "utf8"));
  const { apiVersion, kind } = schema["x-kubernetes-object"];
  crdValidators.set(`${apiVersion}/${kind}`, ajv.compile(schema));
}

function validateCustom(object, validator) {
  if (validator(object)) return [];
  return validator.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}

// ---- one object ---------------------------------------------------------------------------------------------

export function validateObject(object) {
  if (!object || typeof object !== "object") return ["not an object"];
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") return ["apiVersion and kind are required"];
  if (!object.metadata?.name) return ["metadata.name is required"];
  const custom = crdValidators.get(`${object.apiVersion}/${object.kind}`);
  if (custom) return validateCustom(object, custom);
  const Model = modelClass(object.apiVersion, object.kind);
  if (Model) return validateBuiltIn(object, Model);
  return [`no schema for ${object.apiVersion} ${object.kind}: add one under k8s/schemas/`];
}

// ---- references between the objects of one overlay ------------------------------------------------------------

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);
const JOBS = new Set(["Job", "CronJob"]);

function matches(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

/** The pod template of a workload or a job (a CronJob's is inside its job template). */
function podTemplate(o) {
  return o.kind === "CronJob" ? o.spec.jobTemplate.spec.template : o.spec.template;
}

export function checkReferences(objects, external = {}) {
  const errors = [];
  const named = (kind) => new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, o]));
  const configMaps = named("ConfigMap");
  const secrets = named("Secret");
  const workloads = objects.filter((o) => WORKLOADS.has(o.kind));
  const podOwners = objects.filter((o) => WORKLOADS.has(o.kind) || JOBS.has(o.kind));
  const keysOf = (secret) => Object.keys({ ...secret.data, ...secret.stringData });

  for (const w of podOwners) {
    const where = `${w.kind}/${w.metadata.name}`;
    const pod = podTemplate(w).spec;
    for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
      for (const from of c.envFrom ?? []) {
        const cm = from.configMapRef;
        if (cm && !cm.optional && !configMaps.has(cm.name)) errors.push(`${where}: envFrom needs ConfigMap ${cm.name}, which is not rendered`);
        const s = from.secretRef;
        if (s && !s.optional && !secrets.has(s.name) && !external[s.name]) errors.push(`${where}: envFrom needs Secret ${s.name}, which is neither rendered nor listed as external`);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !cm.optional) {
          if (!configMaps.has(cm.name)) errors.push(`${where}: env ${e.name} needs ConfigMap ${cm.name}, which is not rendered`);
          else if (!(cm.key in (configMaps.get(cm.name).data ?? {}))) errors.push(`${where}: env ${e.name}: ConfigMap ${cm.name} has no key ${cm.key}`);
        }
        const s = e.valueFrom?.secretKeyRef;
        if (s) {
          const keys = secrets.has(s.name) ? keysOf(secrets.get(s.name)) : external[s.name];
          if (!keys) errors.push(`${where}: env ${e.name} needs Secret ${s.name}, which is neither rendered nor listed as external`);
          else if (!keys.includes(s.key) && !s.optional) errors.push(`${where}: env ${e.name}: Secret ${s.name} has no key ${s.key}`);
        }
      }
    }
    if (WORKLOADS.has(w.kind) && !matches(w.spec.selector?.matchLabels, w.spec.template.metadata?.labels)) {
      errors.push(`${where}: spec.selector does not match the pod template's labels`);
    }
  }
  const selectsPods = (selector) =>
    podOwners.some((w) => matches(selector, podTemplate(w).metadata?.labels)) ||
    objects.some((c) => c.kind === "Cluster" && matches(selector, { "cnpg.io/cluster": c.metadata.name }));

  for (const svc of objects.filter((o) => o.kind === "Service" && o.spec?.selector)) {
    const targets = workloads.filter((w) => matches(svc.spec.selector, w.spec.template.metadata?.labels));
    if (targets.length !== 1) {
      errors.push(`Service/${svc.metadata.name}: selector matches ${targets.length} workloads, expected exactly 1`);
      continue;
    }
    const ports = targets[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    for (const p of svc.spec.ports) {
      const t = p.targetPort ?? p.port;
      const ok = typeof t === "number" ? ports.some((cp) => cp.containerPort === t) : ports.some((cp) => cp.name === t);
      if (!ok) errors.push(`Service/${svc.metadata.name}: targetPort ${t} is no port of ${targets[0].kind}/${targets[0].metadata.name}`);
    }
  }

  for (const o of objects) {
    const where = `${o.kind}/${o.metadata.name}`;
    if (o.kind === "HorizontalPodAutoscaler") {
      const ref = o.spec.scaleTargetRef;
      if (!workloads.some((w) => w.kind === ref.kind && w.metadata.name === ref.name)) errors.push(`${where}: scaleTargetRef ${ref.kind}/${ref.name} is not rendered`);
    }
    const podSelector = o.kind === "PodDisruptionBudget" ? o.spec.selector?.matchLabels : o.kind === "NetworkPolicy" ? o.spec.podSelector?.matchLabels : undefined;
    if (podSelector && !selectsPods(podSelector)) errors.push(`${where}: selects no pod of this overlay`);
    if (o.kind === "NetworkPolicy") {
      // a peer without a namespaceSelector means pods of this namespace: they must exist
      for (const peer of (o.spec.ingress ?? []).flatMap((rule) => rule.from ?? [])) {
        if (peer.podSelector && !peer.namespaceSelector && !selectsPods(peer.podSelector.matchLabels)) {
          errors.push(`${where}: admits ${JSON.stringify(peer.podSelector.matchLabels)}, which selects no pod of this overlay`);
        }
      }
    }
    if (o.kind === "Ingress") {
      const rules = (o.spec.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
      for (const backend of [o.spec.defaultBackend, ...rules.map((p) => p.backend)].filter((b) => b?.service)) {
        const { name, port } = backend.service;
        const svc = objects.find((x) => x.kind === "Service" && x.metadata.name === name);
        if (!svc) errors.push(`${where}: backend Service ${name} is not rendered`);
        else if (!svc.spec.ports.some((p) => (port.name !== undefined ? p.name === port.name : p.port === port.number))) {
          errors.push(`${where}: Service ${name} has no port ${port.name ?? port.number}`);
        }
      }
      const tlsHosts = (o.spec.tls ?? []).flatMap((t) => t.hosts ?? []);
      for (const host of (o.spec.rules ?? []).map((rule) => rule.host).filter(Boolean)) {
        if (!tlsHosts.includes(host)) errors.push(`${where}: host ${host} has no TLS`);
      }
    }
    if (o.kind === "ScheduledBackup" && !objects.some((c) => c.kind === "Cluster" && c.metadata.name === o.spec.cluster.name)) {
      errors.push(`${where}: cluster ${o.spec.cluster.name} is not rendered`);
    }
  }
  return errors;
}

// ---- a whole overlay ----------------------------------------------------------------------------------------

export function validateRendered(yamlText, external = {}) {
  const { objects, errors } = parseObjects(yamlText);
  for (const o of objects) {
    for (const e of validateObject(o)) errors.push(`${o.kind ?? "?"}/${o.metadata?.name ?? "?"}: ${e}`);
  }
  if (errors.length === 0) errors.push(...checkReferences(objects, external));
  return { objects, errors };
}

function main(args) {
  const targets = args.length
    ? args.map((f) => ({ name: f, text: () => readFileSync(f, "utf8"), external: {} }))
    : OVERLAYS.map((o) => ({ name: `overlays/${o}`, text: () => render(o), external: EXTERNAL_SECRETS[o] ?? {} }));
  let failed = false;
  for (const t of targets) {
    const { objects, errors } = validateRendered(t.text(), t.external);
    if (errors.length) {
      failed = true;
      console.error(`${t.name}: ${errors.length} error(s)`);
      for (const e of errors) console.error(`  ${e}`);
    } else {
      const kinds = [...new Set(objects.map((o) => o.kind))].join(", ");
      console.log(`${t.name}: ${objects.length} objects valid (${kinds})`);
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
