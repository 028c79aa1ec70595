import type { ActionFunctionArgs } from '@remix-run/node';
import { countCharacters } from '~/components/textarea/Textarea';
import { emptyAnswer } from '~/domain/statement/answers';
import { questionOrder } from '~/domain/statement/definition';
import { can } from '~/domain/permissions';
import { saveTyping } from '~/domain/statement/store.server';
import { languageOf } from '~/i18n/i18next.server';
import { cleanText } from '~/utils/forms';
import { getSignedIn } from '~/utils/session.server';

/** Saves words as they are typed (JavaScript only). Refuses anything that is not the person's own draft. */
export async function action({ request }: ActionFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn) return Response.json({ ok: false }, { status: 401 });
  if (!can(signedIn.account.role, 'write:statement:own')) return Response.json({ ok: false }, { status: 403 });
  const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  const question = questionOrder.find((q) => q.question.id === body.question)?.question;
  const field = body.field === 'reason' ? 'reason' : 'text';
  if (!question || question.kind === 'sort' || typeof body.value !== 'string') return Response.json({ ok: false }, { status: 400 });
  const value = cleanText(body.value);
  // Over the limit is kept too: the person will be asked to shorten it, never to type it again.
  if (countCharacters(value) > question.maxLength * 2) return Response.json({ ok: false }, { status: 413 });
  await saveTyping(
    signedIn.account.id,
    question.id,
    field,
    value,
    emptyAnswer({ language: await languageOf(request), by: 'self', now: new Date().toISOString() }),
  );
  return Response.json({ ok: true });
}
