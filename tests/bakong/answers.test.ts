import { describe, expect, it } from "vitest";
import { BakongUnavailableError } from "@/lib/bakong";
import { parseEnvelope, parseTransaction, resultFromCheckEnvelope, resultFromListItem } from "@/lib/bakong/answers";

// Bakong's answer envelope {responseCode, responseMessage, errorCode, data} read exactly as the client reads it:
// from the response body text. Anything that is not a clear paid / not found / failed must be "unavailable",
// never "not paid yet" (that would hide an outage behind an unpaid QR).

const URL = "https://api-bakong.nbc.gov.kh/v1/check_transaction_by_md5";
const HASH = "8465d722d7d5065f2886b0b9cbb4cf2d2c3b8e9e8c5bbd0a8e5f2f9d4c6a7b31";
const NOT_FOUND_MESSAGE = "Transaction could not be found. Please check and try again.";

/** Bakong's paid answer as documented: every field present, dates serialised as doubles. */
const PAID_BODY = `{"responseCode":0,"responseMessage":"Getting transaction successfully.","errorCode":null,"data":{
  "hash":"${HASH}","fromAccountId":"payer@abaa","toAccountId":"shop@aclb","currency":"USD","amount":12.5,
  "description":"Order 42","createdDateMs":1605774370608.0,"acknowledgedDateMs":1605774371000.9,
  "externalRef":"100FT36774348398","instructionRef":"ACLBKHPP/0001","trackingStatus":"COMPLETED",
  "receiverBank":"ACLEDA Bank","receiverBankAccount":"0001-23-456789"}}`;

const PAID_TRANSACTION = {
  hash: HASH,
  fromAccountId: "payer@abaa",
  toAccountId: "shop@aclb",
  currency: "USD",
  amount: 12.5,
  description: "Order 42",
  createdDateMs: 1605774370608,
  acknowledgedDateMs: 1605774371000,
  externalRef: "100FT36774348398",
  instructionRef: "ACLBKHPP/0001",
  trackingStatus: "COMPLETED",
  receiverBank: "ACLEDA Bank",
  receiverBankAccount: "0001-23-456789",
};

function thrownBy(action: () => unknown): BakongUnavailableError {
  try {
    action();
  } catch (error) {
    if (error instanceof BakongUnavailableError) return error;
    throw error;
  }
  throw new Error("expected a BakongUnavailableError, but the call returned");
}

/** What an operator sees of the error: in logs, in the "status unknown" answer and its retry hint. */
function seen(error: BakongUnavailableError) {
  return { reason: error.reason, message: error.message, httpStatus: error.httpStatus, retryAfterSeconds: error.retryAfterSeconds };
}

/** The result of one check-by-md5 answer, as the live client gets it: body text and HTTP status. */
const checkAnswer = (body: unknown, httpStatus = 200) => resultFromCheckEnvelope(parseEnvelope(JSON.stringify(body), URL), URL, httpStatus);

describe("parseEnvelope", () => {
  it("reads Bakong's not-found answer and keeps the parsed body untouched for storage", () => {
    const body = `{"responseCode":1,"responseMessage":"${NOT_FOUND_MESSAGE}","errorCode":1,"data":null}`;
    expect(parseEnvelope(body, URL)).toEqual({
      envelope: { responseCode: 1, responseMessage: NOT_FOUND_MESSAGE, errorCode: 1, data: null },
      raw: { responseCode: 1, responseMessage: NOT_FOUND_MESSAGE, errorCode: 1, data: null },
    });
  });

  it("fills an envelope without message, errorCode or data with an empty message and nulls, but stores the body as sent", () => {
    expect(parseEnvelope('{"responseCode":0}', URL)).toEqual({
      envelope: { responseCode: 0, responseMessage: "", errorCode: null, data: null },
      raw: { responseCode: 0 },
    });
  });

  it("stores text PostgreSQL cannot hold (NUL, lone surrogates) as U+FFFD, in keys, nested values and the transaction read from it", () => {
    // JSON escapes as Bakong would send them: a body PostgreSQL refused would leave its payment unrecorded, asked about forever.
    const body =
      '{"responseCode":0,"responseMessage":"ok\\u0000","errorCode":null,"data":{"hash":"' +
      HASH +
      '","description":"Order \\ud83d\\ude00 \\ud800x \\udc00","amount":1.5,"tags":["a\\u0000b",7,null,true],"k\\u0000":{"d":"\\udbff"}}}';
    const { envelope, raw } = parseEnvelope(body, URL);
    const data = {
      hash: HASH,
      description: "Order \u{1F600} \ufffdx \ufffd",
      amount: 1.5,
      tags: ["a\ufffdb", 7, null, true],
      "k\ufffd": { d: "\ufffd" },
    };
    expect(raw).toEqual({ responseCode: 0, responseMessage: "ok\ufffd", errorCode: null, data });
    expect(envelope).toEqual({ responseCode: 0, responseMessage: "ok\ufffd", errorCode: null, data });
    expect(resultFromCheckEnvelope({ envelope, raw }, URL, 200)).toMatchObject({
      status: "found",
      transaction: { hash: HASH, description: "Order \u{1F600} \ufffdx \ufffd" },
    });
  });

  it("reads a responseMessage that is not text as an empty message", () => {
    const { envelope } = parseEnvelope('{"responseCode":1,"responseMessage":{"en":"Busy"},"errorCode":9,"data":[]}', URL);
    expect(envelope).toEqual({ responseCode: 1, responseMessage: "", errorCode: 9, data: [] });
  });

  it("rejects a body that is not JSON (a proxy's HTML page) as a bad response naming the URL, keeping the parse error", () => {
    const error = thrownBy(() => parseEnvelope("<html><body>504 Gateway Time-out</body></html>", URL));
    expect(seen(error)).toEqual({
      reason: "bad_response",
      message: `Bakong answered ${URL} with a body that is not JSON`,
      httpStatus: undefined,
      retryAfterSeconds: undefined,
    });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it.each([
    ["null", "null"],
    ["an array", '[{"responseCode":0}]'],
    ["a string", '"OK"'],
    ["a number", "0"],
    ["an object without responseCode", '{"responseMessage":"ok","errorCode":null,"data":null}'],
    ["a responseCode given as text", '{"responseCode":"0","responseMessage":"ok","errorCode":null,"data":{"hash":"abc"}}'],
    ["a null responseCode", '{"responseCode":null,"errorCode":1}'],
    ["an errorCode given as text", '{"responseCode":1,"responseMessage":"not found","errorCode":"1","data":null}'],
    ["an errorCode that is true", '{"responseCode":1,"errorCode":true}'],
  ])("rejects JSON that is %s as a bad response, not as an answer", (_, body) => {
    const error = thrownBy(() => parseEnvelope(body, URL));
    expect(seen(error)).toEqual({
      reason: "bad_response",
      message: `Bakong answered ${URL} with JSON that is not a Bakong envelope`,
      httpStatus: undefined,
      retryAfterSeconds: undefined,
    });
    expect("cause" in error).toBe(false);
  });
});

describe("resultFromCheckEnvelope", () => {
  it("reads responseCode 0 as paid, with the transaction and the envelope exactly as received", () => {
    const received = parseEnvelope(PAID_BODY, URL);
    const result = resultFromCheckEnvelope(received, URL, 200);
    expect(result).toEqual({ status: "found", transaction: PAID_TRANSACTION, raw: JSON.parse(PAID_BODY) });
    expect(result.raw).toBe(received.raw);
  });

  it.each([
    ["no data", null],
    ["data without a hash", { amount: 12.5, currency: "USD" }],
    ["an empty hash", { hash: "", amount: 12.5 }],
    ["a hash that is not text", { hash: 12345678 }],
  ])("treats success with %s as a bad response, not as paid or unpaid", (_, data) => {
    const error = thrownBy(() => checkAnswer({ responseCode: 0, responseMessage: "ok", errorCode: null, data }));
    expect(seen(error)).toEqual({
      reason: "bad_response",
      message: `Bakong reported success at ${URL} but sent no transaction hash`,
      httpStatus: undefined,
      retryAfterSeconds: undefined,
    });
  });

  it("reads errorCode 1 as not found (an unpaid QR and an unknown md5 look the same)", () => {
    const body = { responseCode: 1, responseMessage: NOT_FOUND_MESSAGE, errorCode: 1, data: null };
    expect(checkAnswer(body)).toEqual({ status: "not_found", raw: body });
  });

  it("reads errorCode 2 (a static QR, not checkable by md5) as not found", () => {
    const body = { responseCode: 1, responseMessage: "This transaction does not support static QR code.", errorCode: 2, data: null };
    expect(checkAnswer(body)).toEqual({ status: "not_found", raw: body });
  });

  it("reads errorCode 3 as a failed transfer", () => {
    const body = { responseCode: 1, responseMessage: "Transaction failed.", errorCode: 3, data: null };
    expect(checkAnswer(body)).toEqual({ status: "failed", raw: body });
  });

  it("treats an error answer without an errorCode as a bad response, not as not found", () => {
    const error = thrownBy(() => checkAnswer({ responseCode: 1, responseMessage: NOT_FOUND_MESSAGE, errorCode: null, data: null }));
    expect(seen(error)).toEqual({
      reason: "bad_response",
      message: `Bakong reported an error at ${URL} without an errorCode`,
      httpStatus: undefined,
      retryAfterSeconds: undefined,
    });
  });

  it.each([
    [5, "Missing required fields", 400],
    [6, "Token has been expired", 401],
    [9, "Cannot connect to the server", 200],
  ])(
    "treats any other errorCode (%i) as unavailable, naming the URL, the code, Bakong's message and the HTTP status",
    (code, text, status) => {
      const error = thrownBy(() => checkAnswer({ responseCode: 1, responseMessage: text, errorCode: code, data: null }, status));
      expect(seen(error)).toEqual({
        reason: "http_error",
        message: `Bakong answered ${URL} with errorCode ${code}: ${text}`,
        httpStatus: status,
        retryAfterSeconds: undefined,
      });
    },
  );

  it.each([2, -1, 0.5])("treats an unknown responseCode (%s) as a bad response even when its errorCode says not found", (code) => {
    const error = thrownBy(() => checkAnswer({ responseCode: code, responseMessage: NOT_FOUND_MESSAGE, errorCode: 1, data: null }));
    expect(seen(error)).toEqual({
      reason: "bad_response",
      message: `Bakong answered ${URL} with unknown responseCode ${code}`,
      httpStatus: undefined,
      retryAfterSeconds: undefined,
    });
  });
});

describe("resultFromListItem (one item of check_transaction_by_md5_list)", () => {
  const md5 = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  it("reads SUCCESS with a hash as paid, keeping the item as received", () => {
    const item = JSON.parse(`{"md5":"${md5}","status":"SUCCESS","message":"ok","data":${JSON.stringify(JSON.parse(PAID_BODY).data)}}`);
    const result = resultFromListItem(item);
    expect(result).toEqual({ status: "found", transaction: PAID_TRANSACTION, raw: item });
    expect(result?.raw).toBe(item);
  });

  it.each([
    ["without data", null],
    ["without a hash", { amount: 5, currency: "KHR" }],
  ])("leaves SUCCESS %s unsettled so the md5 is asked again singly", (_, data) => {
    expect(resultFromListItem({ md5, status: "SUCCESS", message: "ok", data })).toBeNull();
  });

  it.each(["NOT_FOUND", "STATIC_QR"])("reads %s as not found", (status) => {
    const item = { md5, status, message: "no", data: null };
    expect(resultFromListItem(item)).toEqual({ status: "not_found", raw: item });
  });

  it("reads FAILED as a failed transfer", () => {
    const item = { md5, status: "FAILED", message: "Transaction failed.", data: null };
    expect(resultFromListItem(item)).toEqual({ status: "failed", raw: item });
  });

  it.each([["SERVICE_FAILED"], ["success"], [undefined], [1]])("leaves status %s unsettled, never read as not found", (status) => {
    expect(resultFromListItem({ md5, status, message: "?", data: { hash: HASH } })).toBeNull();
  });
});

describe("parseTransaction", () => {
  const read = (json: string) => parseTransaction(JSON.parse(json));

  it("reads only the hash when that is all Bakong sends, adding no empty fields", () => {
    expect(read(`{"hash":"${HASH}"}`)).toStrictEqual({ hash: HASH });
  });

  it("leaves out the fields Bakong sends as null rather than guessing them", () => {
    const json = `{"hash":"${HASH}","fromAccountId":null,"toAccountId":null,"currency":null,"amount":null,"description":null,
      "createdDateMs":null,"acknowledgedDateMs":null,"externalRef":null,"instructionRef":null,"trackingStatus":null,
      "receiverBank":null,"receiverBankAccount":null}`;
    expect(read(json)).toStrictEqual({ hash: HASH });
  });

  it("leaves out text fields that are not text", () => {
    expect(read(`{"hash":"${HASH}","currency":840,"toAccountId":{"id":"shop@aclb"},"description":true}`)).toStrictEqual({ hash: HASH });
  });

  it("reads amounts and dates Bakong sends as numeric text, dates truncated to whole milliseconds", () => {
    const json = `{"hash":"${HASH}","amount":" 12.50 ","createdDateMs":"1605774370608.0","acknowledgedDateMs":"1605774371000"}`;
    expect(read(json)).toStrictEqual({ hash: HASH, amount: 12.5, createdDateMs: 1605774370608, acknowledgedDateMs: 1605774371000 });
  });

  it.each([
    ["7", 7],
    ["-3.25", -3.25],
    ["1000.5", 1000.5],
  ])("reads the amount text %j as %s", (text, amount) => {
    expect(read(`{"hash":"${HASH}","amount":${JSON.stringify(text)}}`)).toStrictEqual({ hash: HASH, amount });
  });

  it.each(["USD 12.50", "12.50 USD", "12.", ".5", "1,000", "1e3", "0x10", "", "abc"])(
    "leaves out an amount or date written as %j rather than guessing a number from it",
    (text) => {
      const json = `{"hash":"${HASH}","amount":${JSON.stringify(text)},"createdDateMs":${JSON.stringify(text)}}`;
      expect(read(json)).toStrictEqual({ hash: HASH });
    },
  );

  it("leaves out numbers too large to be finite, sent as numbers or as text", () => {
    expect(read(`{"hash":"${HASH}","amount":1e400,"createdDateMs":-1e400}`)).toStrictEqual({ hash: HASH });
    const digits = "9".repeat(400);
    expect(read(`{"hash":"${HASH}","amount":"${digits}","acknowledgedDateMs":"-${digits}"}`)).toStrictEqual({ hash: HASH });
  });

  it.each([
    ["null", "null"],
    ["a string", `"${HASH}"`],
    ["an array", `["${HASH}"]`],
    ["an object without a hash", '{"amount":12.5}'],
    ["an empty hash", '{"hash":""}'],
    ["a numeric hash", '{"hash":123}'],
  ])("finds no transaction in %s", (_, json) => {
    expect(read(json)).toBeNull();
  });
});
