// Drives the orchestrator with the official Phoenix JavaScript client (npm "phoenix", V2 serializer) over npm "ws".
// Usage: FAST_CI_SECRET_KEY=... node phoenix-client.js ws://127.0.0.1:PORT
// (the key travels in the environment, not argv, so that it shows in no process listing).
// Prints one JSON object per line, {"step": ..., ...}, for PhoenixJsClientTest to check; exits 0 once both nodes
// have left. Any error, or no progress within DEADLINE_MS, prints one line to stderr and exits 1.
"use strict";
const { Socket } = require("phoenix");
const WebSocket = require("ws");

const DEADLINE_MS = 20000;
const [baseUrl] = process.argv.slice(2);
const secret = process.env.FAST_CI_SECRET_KEY;
if (!baseUrl || !secret) {
  console.error("usage: FAST_CI_SECRET_KEY=<key> node phoenix-client.js <ws://host:port>");
  process.exit(2);
}
const TOPIC = "test_orchestrator:js-build-1";
const CLASS = "com.acme.JsClientTest";

let step = "start";
function out(name, data) {
  console.log(JSON.stringify({ step: name, ...data }));
}
function fail(message) {
  // Never the URL: it holds the key.
  console.error(`phoenix-client: failed at step '${step}': ${message}`);
  process.exit(1);
}
setTimeout(() => fail(`no progress within ${DEADLINE_MS} ms`), DEADLINE_MS).unref();

function connect(name) {
  const socket = new Socket(`${baseUrl}/test_orchestrators/socket`, {
    transport: WebSocket,
    params: { secret_key: secret, build_id: "build-1", run_key: "js", commit: "0123abc", branch: "main" },
    heartbeatIntervalMs: 200, // so the client checks heartbeat replies within the test
    reconnectAfterMs: () => 60000, // a dropped connection fails the test rather than reconnecting silently
  });
  socket.heartbeats = 0;
  socket.onMessage((m) => {
    if (m.topic === "phoenix" && m.event === "phx_reply" && m.payload.status === "ok") socket.heartbeats++;
  });
  socket.onError((e) => fail(`socket ${name}: ${(e && e.message) || "connection error"}`));
  socket.onClose((e) => {
    if (!socket.leaving) fail(`socket ${name} closed by the server (code ${e && e.code})`);
  });
  socket.connect();
  return socket;
}

// A push's reply as a promise: resolves on ok, rejects on error or timeout.
function reply(push, what) {
  return new Promise((resolve, reject) =>
    push
      .receive("ok", resolve)
      .receive("error", (r) => reject(new Error(`${what} answered error: ${JSON.stringify(r)}`)))
      .receive("timeout", () => reject(new Error(`${what}: no reply`))),
  );
}

function until(condition) {
  return new Promise((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 20));
    poll();
  });
}

function result(status) {
  return {
    file_status: status,
    test_count: 1,
    test_counters: { failed: 0, passed: 1, pending: 0 },
    "works()": { status: "passed", run_time: 0.004 },
  };
}

async function main() {
  const socketA = connect("A");
  const socketB = connect("B");
  const a = socketA.channel(TOPIC, {});
  const b = socketB.channel(TOPIC, {});
  let deqRequests = 0;
  b.on("deq_request", () => deqRequests++);
  let enqReplies = [];

  step = "join A";
  out("joinA", { response: await reply(a.join(), "join A") });
  step = "join B";
  out("joinB", { response: await reply(b.join(), "join B") });

  step = "enq";
  const tests = { [CLASS]: { file_status: "pending", test_count: 1,
    test_counters: { failed: 0, passed: 0, pending: 0 }, "works()": { status: "pending", run_time: 0.0 } } };
  a.push("enq", { tests }).receive("ok", (r) => enqReplies.push(r)).receive("error", (r) => enqReplies.push(r));

  step = "deq_request to B";
  await until(() => deqRequests > 0);
  out("deqRequestB", { count: deqRequests });

  step = "deq A";
  out("deqA", { response: await reply(a.push("deq", {}), "deq A") });
  // The server answers one connection's frames in order: had the enq been answered, it would be by now.
  out("enqReplies", { replies: enqReplies });

  step = "deq B";
  let heldB = reply(b.push("deq", {}), "deq B"); // held while A holds the class
  step = "results A";
  out("resultsA", { response: await reply(a.push("deq", { [CLASS]: result("passed") }), "results deq A") });
  step = "held deq B";
  out("deqB", { response: await heldB });

  step = "heartbeats";
  await until(() => socketA.heartbeats > 0 && socketB.heartbeats > 0);
  out("heartbeats", { a: socketA.heartbeats, b: socketB.heartbeats });

  step = "leave";
  for (const [channel, socket] of [[a, socketA], [b, socketB]]) {
    channel.push("leave", {});
    socket.leaving = true;
  }
  await Promise.all([socketA, socketB].map((s) => new Promise((resolve) => s.disconnect(resolve))));
  out("left", {});
  process.exit(0);
}

main().catch((e) => fail(e.message));
