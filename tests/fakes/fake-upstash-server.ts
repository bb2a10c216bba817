import { createHash } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

/**
 * An Upstash Redis REST stand-in on a real socket, backed by a real Redis: `POST /` with a JSON command
 * array and `Authorization: Bearer <token>` answers `{ result }` (strings base64-encoded when the client
 * sends `Upstash-Encoding: base64`, as @upstash/redis does) or an HTTP 400 `{ error }`; `POST /pipeline`
 * (the client's auto-pipelining) takes an array of commands and answers one of those per command, so the app's
 * Upstash store runs through @upstash/redis exactly as against Upstash. Like Upstash it accepts the
 * `#!lua flags=allow-key-locking` line stock Redis refuses, and names scripts by the hash of their full text.
 */
export type FakeUpstash = {
  url: string;
  token: string;
  /** Every command received, lower-cased name first. */
  readonly commands: string[][];
  close(): Promise<void>;
};

const UPSTASH_SHEBANG = /^#!lua[^\n]*\n/;
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

function encode(value: unknown, base64: boolean): unknown {
  if (typeof value === "string") return base64 && value !== "OK" ? Buffer.from(value).toString("base64") : value;
  if (Array.isArray(value)) return value.map((element) => encode(element, base64));
  return value;
}

export async function startFakeUpstash(redisUrl: string, token = "fake-upstash-token"): Promise<FakeUpstash> {
  const redis = new Redis(redisUrl);
  const commands: string[][] = [];
  // Upstash's script hash → the hash of the text stock Redis runs.
  const loaded = new Map<string, string>();

  const run = async ([name = "", ...args]: string[]): Promise<unknown> => {
    if (name === "eval") {
      const [script = "", ...rest] = args;
      const body = script.replace(UPSTASH_SHEBANG, "");
      loaded.set(sha1(script), sha1(body));
      return redis.call("eval", body, ...rest);
    }
    if (name === "evalsha") {
      const [sha = "", ...rest] = args;
      const stockSha = loaded.get(sha);
      if (!stockSha) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return redis.call("evalsha", stockSha, ...rest);
    }
    return redis.call(name, ...args);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "POST" || request.headers.authorization !== `Bearer ${token}`) return answer(401, { error: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown[];
    const base64 = request.headers["upstash-encoding"] === "base64";
    const execute = async (raw: unknown[]) => {
      const command = raw.map(String);
      command[0] = (command[0] ?? "").toLowerCase();
      commands.push(command);
      try {
        return { result: encode(await run(command), base64) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    };
    if (request.url === "/pipeline") {
      const answers = [];
      for (const command of body as unknown[][]) answers.push(await execute(command));
      return answer(200, answers);
    }
    const single = await execute(body);
    answer("error" in single ? 400 : 200, single);
  };

  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    commands,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
}
