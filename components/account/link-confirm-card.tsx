import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import type { ActionState } from "@/lib/dashboard/validated-action";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  token: string | string[] | undefined;
  submitLabel: string;
  pendingText: string;
};

/**
 * The page an emailed link opens: a button rather than a change on GET, because mail scanners that open
 * links must not confirm or create anything. The token travels in the form, never in a Referer.
 */
export function LinkConfirmCard({ action, token, submitLabel, pendingText }: Props) {
  return (
    <Card className="mt-8">
      <CardBody className="p-6 sm:p-8">
        <AccountForm
          action={action}
          fields={[{ label: "Token", name: "token", type: "hidden", value: typeof token === "string" ? token : "" }]}
          submitLabel={submitLabel}
          pendingText={pendingText}
          fullWidth
        />
      </CardBody>
    </Card>
  );
}
