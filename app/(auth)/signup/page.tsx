import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/signup-form";
import { Card, CardBody } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/dashboard");
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Create your KHQR Pay account</h1>
      <p className="mt-2 text-center text-sm text-slate-600">You get a live and a sandbox API key straight away.</p>
      <Card className="mt-8">
        <CardBody className="p-6 sm:p-8">
          <SignUpForm action={signUpAction} />
        </CardBody>
      </Card>
    </>
  );
}
