"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { signInWithProvider } from "@/lib/auth/actions";
import type { ProviderButton } from "@/lib/auth/config";

/** One POST form per configured provider (GitHub, OpenID Connect): no JavaScript needed. */
export function ProviderButtons({
  providers,
  callbackUrl,
}: {
  providers: ProviderButton[];
  callbackUrl: string;
}) {
  return (
    <div className="mt-2 flex flex-col gap-1">
      {providers.map((provider) => (
        <ActionForm key={provider.id} action={signInWithProvider}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <SubmitButton variant="secondary">Sign in with {provider.name}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}
