import type { OutboxEvent } from '../../db/schema';
import { unseal } from '~/domain/sealed.server';

/**
 * An event's Bundle as JSON text, or null once the person's account was deleted and its content
 * removed. Kept apart from the FHIR mapping so the delivery process starts without loading it.
 */
export function eventBody(event: Pick<OutboxEvent, 'id' | 'payload'>): string | null {
  // A removed payload is an encrypted empty text, so key rotation treats it like every other value.
  return unseal(event.payload, event.id) || null;
}
