/**
 * The other end of Microsoft's office.js client: it receives the serialized RichApi request that
 * `context.sync()` sends (object paths and actions, exactly as the client builds them) and answers
 * it from the workbook model the way Excel does:
 * - actions run in order; the first failure stops the request and is returned with Excel's code,
 *   and the client raises it as OfficeExtension.Error (the actions before it stay applied, as in
 *   Excel: there are no transactions);
 * - object paths are resolved when first instantiated; an `*OrNullObject` that finds nothing is
 *   answered as null, which the client turns into `isNullObject`;
 * - an object the client asked to keep (`_KeepReference`, ranges) gets a reference id, so the
 *   client can use it in later requests of the same run; the clean-up request the client sends
 *   when a run ends (`_RemoveReference`) releases them and is counted apart from round trips;
 * - Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded; office-js-docs-pr#5333): the host measures the real
 *   serialized messages. Desktop Excel has no such cap.
 * Browser-safe (no Node imports).
 */
import { HostError, type WorkbookModel } from "./workbook-model";
import { HostObject, WorkbookObject, type HostState } from "./object-model";

/** One request: one `context.sync()` that had something to send. */
export interface FakeRequest {
  /** 0-based round trip since the last `resetStats`. */
  readonly sync: number;
  readonly calls: number;
  readonly bytes: number;
  readonly responseBytes: number;
  readonly failed: string | null;
}

/** What the code under test asked of the host. */
export interface FakeStats {
  /** Requests the adapter waited for (clean-up requests excluded). */
  syncs: number;
  /** Reference clean-up requests the client sent at the end of a run, without waiting. */
  cleanups: number;
  /** Calls executed, each method call, property set, load, and method or indexer that made an object. */
  apiCalls: number;
  /**
   * Of those, the calls the client adds by itself when it splits a large values or numberFormat
   * array into row chunks (its setRangePropertiesInBulk: getRow, getBoundingRect and a set per
   * chunk; the size check it sends first stands for the caller's one set). `apiCalls - chunkCalls`
   * is what the code under test asked for.
   */
  chunkCalls: number;
  largestRequestBytes: number;
  /** The largest response delivered (a response refused as too large is not one). */
  largestResponseBytes: number;
  requests: FakeRequest[];
  /** "Class.member" → times used (method calls, property sets, navigations and loaded properties). */
  apis: Record<string, number>;
}

/** A call as `failAt` predicates see it. */
export interface FakeCall {
  /** 0-based index of the call among all calls since the last `resetStats`. */
  readonly index: number;
  /** "Range.values", "WorksheetCollection.add", "Range.load", ... */
  readonly api: string;
  /** 0-based round trip in which the call runs. */
  readonly sync: number;
  readonly args: unknown;
}

/** Which Excel the host stands for. */
export type HostPlatform = "web" | "desktop";

/** The result shape `OSF.DDA.RichApi.executeRichApiRequestAsync` hands to its callback. */
export type RichApiResult =
  { status: "succeeded"; value: { data: [number, string[], string] } } | { status: "failed"; error: { code: number; message: string } };

/** Office.js error codes for the web's payload caps (the client maps them, RichApiMessageUtility). */
const OOE_REQUEST_PAYLOAD_SIZE_LIMIT_EXCEEDED = 5103;
const OOE_RESPONSE_PAYLOAD_SIZE_LIMIT_EXCEEDED = 5104;

/** Excel on the web's cap on one request and on one response (office-js-docs-pr#5333). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}

interface ArgumentInfo {
  readonly Arguments?: unknown[];
  readonly ReferencedObjectPathIds?: number[];
}

interface Action {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface RequestBody {
  readonly Actions: Action[];
  readonly ObjectPaths: Record<string, ObjectPathInfo>;
}

const HTTP_STATUS: Readonly<Record<string, number>> = {
  InvalidArgument: 400,
  InvalidOperation: 400,
  InvalidOperationInCellEditMode: 400,
  MergedRangeConflict: 400,
  ItemAlreadyExists: 409,
  AccessDenied: 403,
  ItemNotFound: 404,
  NotImplemented: 501,
  GeneralException: 500,
};

function camel(name: string): string {
  return name.length === 0 ? name : name[0]?.toLowerCase() + name.slice(1);
}

function pascal(name: string): string {
  return name.length === 0 ? name : name[0]?.toUpperCase() + name.slice(1);
}

const utf8 = new TextEncoder();

function byteLength(s: string): number {
  // ASCII text (nearly every request) has as many bytes as characters; encode only otherwise.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return utf8.encode(s).length;
  return s.length;
}

function emptyStats(): FakeStats {
  return { syncs: 0, cleanups: 0, apiCalls: 0, chunkCalls: 0, largestRequestBytes: 0, largestResponseBytes: 0, requests: [], apis: {} };
}

/** Options of the host. */
export interface RichApiHostOptions {
  readonly platform?: HostPlatform;
  /** Request and response cap; Excel on the web's 5 MB unless given, none on desktop. */
  readonly payloadLimitBytes?: number;
  readonly cellEditMode?: boolean;
}

/** Answers RichApi requests from a workbook model. */
export class RichApiHost {
  readonly platform: HostPlatform;
  payloadLimitBytes: number | null;
  cellEditMode: boolean;
  stats: FakeStats = emptyStats();
  private failure: { target: number | ((call: FakeCall) => boolean); code: string } | null = null;
  private nextCall = 0;
  private nextReference = 1;
  private readonly references = new Map<string, HostObject>();
  private readonly state: HostState;

  constructor(
    readonly model: WorkbookModel,
    options: RichApiHostOptions = {},
  ) {
    this.platform = options.platform ?? "web";
    this.payloadLimitBytes = options.payloadLimitBytes ?? (this.platform === "web" ? WEB_PAYLOAD_LIMIT_BYTES : null);
    this.cellEditMode = options.cellEditMode ?? false;
    this.state = { model, record: (api) => this.record(api) };
  }

  /** Makes the call matching `target` (its index, or a predicate) fail with `code`; once. */
  failAt(target: number | ((call: FakeCall) => boolean), code = "GeneralException"): void {
    this.failure = { target, code };
  }

  /** Zeroes the counters (call indexes restart at 0). */
  resetStats(): void {
    this.stats = emptyStats();
    this.nextCall = 0;
  }

  /** References the client holds, for tests of the clean-up. */
  referenceCount(): number {
    return this.references.size;
  }

  /** `OSF.DDA.RichApi.executeRichApiRequestAsync`: the host's end of `context.sync()`. */
  execute(message: readonly unknown[], callback: (result: RichApiResult) => void): void {
    const result = this.answer(String(message[4] ?? ""));
    // Excel answers asynchronously; so does the host.
    setTimeout(() => callback(result), 0);
  }

  private record(api: string): void {
    this.stats.apis[api] = (this.stats.apis[api] ?? 0) + 1;
  }

  private answer(text: string): RichApiResult {
    const bytes = byteLength(text);
    const body = JSON.parse(text) as RequestBody;
    if (isCleanup(body)) {
      this.stats.cleanups++;
      for (const a of body.Actions) this.references.delete(String(a.ArgumentInfo?.Arguments?.[0]));
      return succeeded({ Results: [] });
    }
    const sync = this.stats.syncs++;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, bytes);
    const limit = this.payloadLimitBytes;
    const run = new RequestRun(this, this.state, body, sync);
    const finish = (calls: number, responseBytes: number, failed: string | null): void => {
      this.stats.requests.push({ sync, calls, bytes, responseBytes, failed });
      // The largest response is the largest one delivered; a refused one is in `requests`.
      if (failed !== "ResponsePayloadSizeLimitExceeded") this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    };
    if (limit !== null && bytes > limit) {
      finish(0, 0, "RequestPayloadSizeLimitExceeded");
      return { status: "failed", error: { code: OOE_REQUEST_PAYLOAD_SIZE_LIMIT_EXCEEDED, message: "The request payload size has exceeded the limit." } };
    }
    const response = run.execute();
    const out = JSON.stringify(response);
    const responseBytes = byteLength(out);
    const error = (response as { Error?: { Code: string } }).Error;
    if (limit !== null && responseBytes > limit) {
      // The actions ran (Excel has applied them); only the answer cannot be sent.
      finish(run.calls, responseBytes, "ResponsePayloadSizeLimitExceeded");
      return { status: "failed", error: { code: OOE_RESPONSE_PAYLOAD_SIZE_LIMIT_EXCEEDED, message: "The response payload size has exceeded the limit." } };
    }
    finish(run.calls, responseBytes, error ? error.Code : null);
    return { status: "succeeded", value: { data: [200, [], out] } };
  }

  /** Counts a call and fails it when a `failAt` target matches. */
  call(api: string, args: unknown, sync: number): void {
    const index = this.nextCall++;
    this.stats.apiCalls++;
    const f = this.failure;
    if (!f) return;
    const hit = typeof f.target === "number" ? f.target === index : f.target({ index, api, sync, args });
    if (!hit) return;
    this.failure = null;
    throw new HostError(f.code, `Injected failure at ${api}.`);
  }

  /** A new reference id for an object the client keeps across requests. */
  keep(obj: HostObject): string {
    const id = `{5EF00000-0000-4000-8000-${String(this.nextReference++).padStart(12, "0")}}`;
    this.references.set(id, obj);
    return id;
  }

  /** The object a reference id names. */
  reference(id: string): HostObject {
    const obj = this.references.get(id);
    if (!obj) throw new HostError("InvalidObjectPath", "The object path is not valid: the reference was released.");
    return obj;
  }
}

function isCleanup(body: RequestBody): boolean {
  const removes = (a: Action): boolean => a.ActionType === 3 && a.Name === "_RemoveReference";
  return body.Actions.some(removes) && body.Actions.every((a) => removes(a) || a.ActionType === 1);
}

function succeeded(response: unknown): RichApiResult {
  return { status: "succeeded", value: { data: [200, [], JSON.stringify(response)] } };
}

/** One request being executed. */
class RequestRun {
  calls = 0;
  private readonly resolved = new Map<number, HostObject | null>();
  /** Ranges the client made to split a large array (their calls are its own, not the caller's). */
  private readonly chunks = new Set<HostObject>();
  private readonly kept = new Map<number, string>();

  constructor(
    private readonly host: RichApiHost,
    private readonly state: HostState,
    private readonly body: RequestBody,
    private readonly sync: number,
  ) {}

  /** Records a call (a method, a property set, a load) and counts it; an injected failure throws here. */
  private count(api: string, args: unknown, chunk = false): void {
    this.calls++;
    if (chunk) this.host.stats.chunkCalls++;
    this.state.record(api);
    this.host.call(api, args, this.sync);
  }

  execute(): unknown {
    const results: { ActionId: number; Value: unknown }[] = [];
    const actions = this.body.Actions;
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i];
      if (!action) continue;
      try {
        // Excel refuses every request while a cell is being edited (InvalidOperationInCellEditMode;
        // excel-add-ins-delay-in-cell-edit): nothing in it runs.
        if (this.host.cellEditMode)
          throw new HostError(
            "InvalidOperationInCellEditMode",
            "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
          );
        const value = this.action(action);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (error) {
        const e = error instanceof HostError ? error : new HostError("GeneralException", String(error));
        // No results come back with an error: what the failed request loaded stays unloaded.
        return { Error: { Code: e.code, Message: e.message, Location: this.location(action), ActionIndex: i, HttpStatusCode: HTTP_STATUS[e.code] ?? 400 } };
      }
    }
    return { Results: results };
  }

  private location(action: Action): string {
    const obj = this.resolved.get(action.ObjectPathId);
    return obj ? `${obj.className}.${camel(action.Name || "instantiate")}` : camel(action.Name);
  }

  /** Runs one action; its result value, or undefined when it has none. */
  private action(action: Action): unknown {
    switch (action.ActionType) {
      case 1: {
        // Instantiate: resolve the path and answer its identity (null for a null object).
        const obj = this.resolve(action.ObjectPathId);
        if (obj === null) return null;
        const id = this.kept.get(action.ObjectPathId);
        return id === undefined ? obj.identity() : { ...obj.identity(), _ReferenceId: id };
      }
      case 2: {
        const obj = this.resolve(action.ObjectPathId);
        if (obj === null) return null;
        this.count(`${obj.className}.load`, action.QueryInfo?.Select ?? null);
        return this.query(obj, action.QueryInfo?.Select);
      }
      case 3: {
        const obj = this.resolve(action.ObjectPathId);
        if (action.Name === "_KeepReference") {
          if (obj !== null && !this.kept.has(action.ObjectPathId)) this.kept.set(action.ObjectPathId, this.host.keep(obj));
          return undefined;
        }
        const args = this.args(action.ArgumentInfo);
        if (obj === null) return null;
        this.count(`${obj.className}.${camel(action.Name)}`, args);
        const v = obj.call(action.Name, args);
        return v instanceof HostObject ? null : (v ?? null);
      }
      case 4: {
        const obj = this.resolve(action.ObjectPathId);
        const args = this.args(action.ArgumentInfo);
        if (obj === null) return undefined;
        this.count(`${obj.className}.${camel(action.Name)}`, args[0], this.chunks.has(obj));
        obj.set(action.Name, args[0]);
        return undefined;
      }
      case 5:
        // Trace markers carry no work.
        return undefined;
      default:
        throw new HostError("NotImplemented", `The test host does not model action type ${action.ActionType}.`);
    }
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id) args[i] = this.resolve(id);
    });
    return args;
  }

  /** The object a path names, resolved once per request (so `add` runs once). */
  private resolve(id: number): HostObject | null {
    if (this.resolved.has(id)) return this.resolved.get(id) ?? null;
    const info = this.body.ObjectPaths[String(id)];
    if (!info) throw new HostError("InvalidArgument", `The request names object path ${id}, which it does not define.`);
    let obj: HostObject | null;
    switch (info.ObjectPathType) {
      case 1:
        obj = new WorkbookObject(this.state);
        break;
      case 6:
        obj = this.host.reference(info.Name);
        break;
      case 7:
        obj = null;
        break;
      default: {
        const parent = this.resolve(info.ParentObjectPathId ?? 0);
        if (parent === null) {
          obj = null;
          break;
        }
        if (info.ObjectPathType === 4) {
          this.state.record(`${parent.className}.${camel(info.Name)}`);
          obj = parent.nav(info.Name);
        } else if (info.ObjectPathType === 3) {
          const args = this.args(info.ArgumentInfo);
          const api = `${parent.className}.${camel(info.Name)}`;
          const chunk = info.Name === "GetRow" || info.Name === "GetBoundingRect";
          this.count(api, args, chunk);
          const v = parent.call(info.Name, args);
          if (v !== null && !(v instanceof HostObject)) throw new HostError("InvalidArgument", `${api} does not return an object.`);
          obj = v;
          if (chunk && v) this.chunks.add(v);
        } else if (info.ObjectPathType === 5) {
          const args = this.args(info.ArgumentInfo);
          const api = `${parent.className}.getItem`;
          this.count(api, args);
          obj = parent.index(args);
        } else {
          throw new HostError("NotImplemented", `The test host does not model object path type ${info.ObjectPathType}.`);
        }
      }
    }
    this.resolved.set(id, obj);
    return obj;
  }

  /** A query's answer: selected scalars under their PascalCase names, navigations nested. */
  private query(obj: HostObject, select: readonly string[] | undefined): unknown {
    const items = obj.items();
    if (items !== null) return { _Items: items.map((item) => this.objectResult(item, select)) };
    return this.objectResult(obj, select);
  }

  private objectResult(obj: HostObject, select: readonly string[] | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = { ...obj.identity() };
    if (!select || select.length === 0) {
      for (const name of obj.defaultScalars()) {
        this.state.record(`${obj.className}.${camel(name)}`);
        out[name] = obj.get(name);
      }
      return out;
    }
    const groups = new Map<string, string[]>();
    for (const path of select) {
      const [head = "", ...rest] = path.split("/");
      const list = groups.get(head) ?? [];
      if (rest.length > 0) list.push(rest.join("/"));
      groups.set(head, list);
    }
    for (const [head, rest] of groups) {
      const name = pascal(head.trim());
      this.state.record(`${obj.className}.${camel(name)}`);
      if (obj.hasNav(name)) {
        const child = obj.nav(name);
        out[name] = child === null ? null : this.query(child, rest.length > 0 ? rest : undefined);
      } else {
        out[name] = obj.get(name);
      }
    }
    return out;
  }
}
