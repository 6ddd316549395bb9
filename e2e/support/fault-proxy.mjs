#!/usr/bin/env node
// A small HTTP proxy in front of moto that the end-to-end tests (and the benchmark) put between the
// app and "AWS". It forwards every request, counts calls per operation, and on request answers a
// chosen operation with an AWS error or drops the connection, as a failing or unreachable AWS would.
//
//   POST   /__faults  {"operation":"CreateCluster"|"*", "code":"AccessDeniedException", "status":400,
//                      "message":"…", "drop":false, "times":-1, "skip":0, "delayMs":0,
//                      "match":"text the request body must contain"}
//          (times: how many calls fail, -1 for all; skip: how many matching calls pass first;
//           delayMs: answer that much later, with the error, or AWS's own answer when no code is given;
//           loseAnswer: let AWS apply the call, then drop the connection instead of answering;
//           holdAnswerMs: let AWS apply the call, then keep its answer that long: a server killed
//           meanwhile dies between its AWS call and the journal's record of it)
//   DELETE /__faults  clear all faults          GET /__calls, DELETE /__calls  the operations seen (?asked=1: first attempts only)
import { createServer, request as forward } from 'node:http';
import { randomUUID } from 'node:crypto';

const target = new URL(process.env.FAULT_PROXY_TARGET ?? 'http://127.0.0.1:5000');
const port = Number(process.env.FAULT_PROXY_PORT ?? 5001);

let faults = [];
let calls = [];

const readBody = (stream) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

/** JSON protocols name the operation in X-Amz-Target; query protocols in the Action parameter. */
function operationOf(headers, body) {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop();
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body.toString('utf8'));
  return action?.[1] ?? 'unknown';
}

function sendError(req, res, fault) {
  const requestId = `fault-${randomUUID()}`;
  const status = fault.status ?? 400;
  if (req.headers['x-amz-target']) {
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': fault.code,
      'x-amzn-requestid': requestId,
    });
    res.end(JSON.stringify({ __type: fault.code, message: fault.message ?? fault.code }));
    return;
  }
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
  // EC2's query protocol has its own error document; IAM, Auto Scaling and the rest share one.
  if (/\/ec2\/aws4_request/.test(req.headers.authorization ?? '')) {
    res.end(
      `<Response><Errors><Error><Code>${fault.code}</Code><Message>${fault.message ?? fault.code}</Message></Error>` +
        `</Errors><RequestID>${requestId}</RequestID></Response>`,
    );
    return;
  }
  res.end(
    `<ErrorResponse><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${fault.code}</Code>` +
      `<Message>${fault.message ?? fault.code}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  );
}

async function control(req, res) {
  const json = (value) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.url.startsWith('/__faults')) {
    if (req.method === 'POST')
      faults.push({ times: -1, skip: 0, ...JSON.parse((await readBody(req)).toString('utf8')) });
    if (req.method === 'DELETE') faults = [];
    return json(faults);
  }
  if (req.method === 'DELETE') calls = [];
  // ?asked=1: the calls the app made, without the SDK's own retries of them.
  if (req.url.includes('asked=1'))
    return json(calls.filter((call) => call.attempt === 1).map((call) => call.operation));
  return json(calls.map((call) => call.operation));
}

createServer(async (req, res) => {
  if (req.url.startsWith('/__faults') || req.url.startsWith('/__calls')) return control(req, res);
  const body = await readBody(req);
  const operation = operationOf(req.headers, body);
  // The SDK numbers its attempts at a call (amz-sdk-request: attempt=2; max=3 for the first retry).
  const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
  calls.push({ operation, attempt });
  const fault = faults.find(
    (f) =>
      (f.operation === operation || f.operation === '*') &&
      f.times !== 0 &&
      (!f.match || body.toString('utf8').includes(f.match)),
  );
  let loseAnswer = false;
  let holdAnswerMs = 0;
  if (fault && fault.skip > 0) fault.skip -= 1;
  else if (fault) {
    if (fault.times > 0) fault.times -= 1;
    if (fault.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      // The app gave up waiting and closed the connection: AWS never hears of the call.
      if (res.destroyed || req.socket.destroyed) return;
    }
    if (fault.drop) return req.socket.destroy();
    if (fault.code) return sendError(req, res, fault);
    loseAnswer = Boolean(fault.loseAnswer);
    holdAnswerMs = fault.holdAnswerMs ?? 0;
  }
  const upstream = forward(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    async (answer) => {
      if (holdAnswerMs) {
        const held = await readBody(answer);
        await new Promise((resolve) => setTimeout(resolve, holdAnswerMs));
        if (res.destroyed || req.socket.destroyed) return;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        return res.end(held);
      }
      if (loseAnswer) {
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => req.socket.destroy());
  upstream.end(body);
}).listen(port, '127.0.0.1', () => console.log(`fault proxy on ${port} → ${target.origin}`));
