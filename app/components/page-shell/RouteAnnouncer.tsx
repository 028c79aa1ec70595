import { useLocation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

/**
 * After a page changes without a full load, a screen reader hears nothing unless told. This
 * moves focus to the new page's `h1` (so the next Tab starts from the top of the content) and
 * announces the new title in a polite live region, as a full page load would.
 */
export function RouteAnnouncer({ title }: { title: string }) {
  const location = useLocation();
  const previous = useRef<string | null>(null);
  // A link within the page (the skip link, an error summary link) changes only the hash: that
  // is not a new page, and focus must stay where the link sent it.
  const page = `${location.pathname}${location.search}`;
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const isFirst = previous.current === null;
    const samePage = previous.current === page;
    previous.current = page;
    if (isFirst || samePage) return;
    // A form that answered with errors moves focus to its error summary instead.
    if (document.querySelector('[data-error-summary]')) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    setAnnouncement(document.title);
    // Only a new location should move focus, not a re-render with the same one.
  }, [location.key, page]);

  useEffect(() => {
    if (announcement && announcement !== title) setAnnouncement(title);
  }, [title, announcement]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-route-announcer>
      {announcement}
    </div>
  );
}
