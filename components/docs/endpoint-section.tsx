import { CodeBlock } from "./code-block";
import { FieldTable, type FieldRow } from "./field-table";

export type EndpointView = {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  rateLimit: number | null;
  requestFields: FieldRow[] | null;
  responseFields: FieldRow[];
  errors: { code: string; status: number }[];
  curl: string;
  exampleResponse: string;
};

export function EndpointSection({ endpoint, baseUrl }: { endpoint: EndpointView; baseUrl: string }) {
  return (
    <section id={endpoint.anchor} className="scroll-mt-20 border-t border-slate-200 pt-10" data-testid="docs-endpoint">
      <h3 className="text-xl font-semibold text-slate-900">{endpoint.summary}</h3>
      <p className="mt-2 flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-bold text-white ${endpoint.method === "GET" ? "bg-sky-600" : "bg-emerald-600"}`}>
          {endpoint.method}
        </span>
        <span className="text-slate-900">
          {baseUrl}
          {endpoint.path}
        </span>
      </p>
      <p className="mt-3 max-w-3xl leading-7 text-slate-700">{endpoint.description}</p>
      {endpoint.rateLimit ? (
        <p className="mt-1 text-sm text-slate-500">Rate limit: {endpoint.rateLimit} requests per minute per key.</p>
      ) : null}
      <div className="mt-6 space-y-5">
        {endpoint.requestFields ? (
          <div>
            <h4 className="mb-2 text-sm font-semibold text-slate-900">Request body</h4>
            <FieldTable fields={endpoint.requestFields} showRequired />
          </div>
        ) : (
          <p className="text-sm text-slate-600">No request body.</p>
        )}
        <div>
          <h4 className="mb-2 text-sm font-semibold text-slate-900">Response 200</h4>
          <FieldTable fields={endpoint.responseFields} showRequired={false} />
        </div>
        <p className="text-sm text-slate-600">
          Errors:{" "}
          {endpoint.errors.map((error, index) => (
            <span key={error.code}>
              {index > 0 ? ", " : ""}
              <code className="font-mono text-xs">
                {error.status} {error.code}
              </code>
            </span>
          ))}
        </p>
        <div className="grid gap-4 xl:grid-cols-2">
          <div className="min-w-0">
            <CodeBlock title="Request" code={endpoint.curl} />
          </div>
          <div className="min-w-0">
            <CodeBlock title="Response" code={endpoint.exampleResponse} />
          </div>
        </div>
      </div>
    </section>
  );
}
