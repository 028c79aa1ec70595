import type { ActionFunctionArgs } from '@remix-run/node';
import { usernameSchema } from '~/domain/accounts.server';
import {
  authenticationOptions,
  registrationOptions,
  usernameIsFree,
  verifyAuthentication,
  verifyRegistration,
} from '~/domain/passkeys.server';
import { recordAudit } from '~/domain/audit.server';
import { staffLanding } from '~/domain/staff.server';
import { languageOf } from '~/i18n/i18next.server';
import { isSignInBlocked, recordFailedSignIn } from '~/utils/rate-limit.server';
import { safeReturnPath } from '~/utils/redirect.server';
import { clientAddress } from '~/utils/request.server';
import { getSignedIn, startSession } from '~/utils/session.server';

/**
 * The passkey ceremonies, as JSON for the browser's WebAuthn calls (passkeys need JavaScript;
 * a password always works without it). Errors are i18n keys the page shows in its language.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  const signedIn = await getSignedIn(request);
  switch (body.step) {
    case 'register-options': {
      if (signedIn) return Response.json(await registrationOptions(request, { account: signedIn.account }));
      const username = usernameSchema.safeParse(body.username);
      if (!username.success)
        return Response.json(
          { error: username.error.issues[0]?.message ?? 'auth:errors.usernameShort', field: 'username' },
          { status: 400 },
        );
      if (!(await usernameIsFree(username.data)))
        return Response.json({ error: 'auth:errors.usernameTaken', field: 'username' }, { status: 400 });
      return Response.json(await registrationOptions(request, { username: username.data }));
    }
    case 'register-verify': {
      const result = await verifyRegistration(
        request,
        body.challengeId,
        body.response as never,
        signedIn?.account ?? null,
        await languageOf(request),
      );
      if (!result.ok) return Response.json({ error: result.error }, { status: 400 });
      const address = clientAddress(context);
      if (signedIn) await recordAudit({ event: 'passkey-added', account: signedIn.account, method: 'passkey', address });
      if (signedIn)
        return Response.json({ redirectTo: signedIn.account.role === 'adult' ? '/account?passkey=added' : '/staff/account?passkey=added' });
      const cookie = await startSession(result.account.id, request, { method: 'passkey', address });
      return Response.json({ redirectTo: '/statement' }, { headers: { 'Set-Cookie': cookie } });
    }
    case 'authenticate-options':
      return Response.json(await authenticationOptions(request));
    case 'authenticate-verify': {
      const address = clientAddress(context);
      if (await isSignInBlocked('', address)) return Response.json({ error: 'auth:errors.tooManyAttempts' }, { status: 429 });
      const audience = body.audience === 'staff' ? 'staff' : 'adult';
      const result = await verifyAuthentication(request, body.challengeId, body.response as never, audience);
      if (!result.ok) {
        await recordFailedSignIn('', address);
        await recordAudit({ event: 'sign-in', outcome: 'failure', method: 'passkey', address });
        return Response.json({ error: result.error }, { status: 400 });
      }
      const redirectTo = safeReturnPath(body.returnTo, audience === 'staff' ? staffLanding(result.account.role) : '/statement');
      const cookie = await startSession(result.account.id, request, { method: 'passkey', address });
      return Response.json({ redirectTo }, { headers: { 'Set-Cookie': cookie } });
    }
    default:
      return Response.json({ error: 'auth:errors.passkeyFailed' }, { status: 400 });
  }
}
