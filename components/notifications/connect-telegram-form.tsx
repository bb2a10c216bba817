"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { AlertChoices } from "./alert-choices";

type State = {
  error?: string;
  fieldErrors?: Record<string, string>;
  connect?: { privateChatUrl: string; groupUrl: string; code: string; botUsername: string };
};

/** Makes a one-time connection link; the chat is listed below once the bot has been started with it. */
export function ConnectTelegramForm({
  action,
  codeMinutes,
}: {
  action: (previous: State, formData: FormData) => Promise<State>;
  codeMinutes: number;
}) {
  const t = useTranslations("notifications.connect");
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-4">
      <form action={formAction} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <AlertChoices errors={state.fieldErrors} />
        <SubmitButton pendingText={t("preparing")}>{t("submit")}</SubmitButton>
      </form>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.connect ? (
        <div className="space-y-3 rounded-lg bg-sky-50 p-4 text-sm text-sky-950 ring-1 ring-sky-200" data-testid="telegram-connect">
          <p>{t("openBotHint", { minutes: codeMinutes })}</p>
          <div className="flex flex-wrap gap-2">
            <a
              href={state.connect.privateChatUrl}
              target="_blank"
              rel="noreferrer"
              className={buttonClasses("primary", "sm")}
              data-testid="telegram-private-link"
            >
              {t("openBot", { bot: state.connect.botUsername })}
            </a>
            <a href={state.connect.groupUrl} target="_blank" rel="noreferrer" className={buttonClasses("secondary", "sm")}>
              {t("addToGroup")}
            </a>
          </div>
          <p>{t("groupCommand")}</p>
          <div className="flex items-center gap-2">
            <code
              className="rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-sky-200"
              data-testid="telegram-start-command"
            >
              /start {state.connect.code}
            </code>
            <CopyButton value={`/start ${state.connect.code}`} />
          </div>
          <p>{t("reload")}</p>
        </div>
      ) : null}
    </div>
  );
}
