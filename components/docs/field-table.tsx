export type FieldRow = { name: string; type: string; required: boolean; description: string; rules: string[] };

/** Request or response fields, generated from the zod schemas the API validates with. */
export function FieldTable({ fields, showRequired }: { fields: FieldRow[]; showRequired: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="w-56 px-4 py-2">
              Field
            </th>
            <th scope="col" className="w-40 px-4 py-2">
              Type
            </th>
            <th scope="col" className="px-4 py-2">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {fields.map((field) => (
            <tr key={field.name}>
              <td className="px-4 py-2 align-top whitespace-nowrap">
                <code className="font-mono text-[13px] font-medium text-slate-900">{field.name}</code>
                {showRequired ? (
                  <span className={`ml-2 text-xs ${field.required ? "text-brand-700" : "text-slate-400"}`}>
                    {field.required ? "required" : "optional"}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-2 align-top font-mono text-xs text-slate-600">{field.type}</td>
              <td className="px-4 py-2 align-top text-slate-700">
                {field.description}
                {field.rules.length > 0 ? <span className="block text-xs text-slate-500">{field.rules.join(" · ")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
