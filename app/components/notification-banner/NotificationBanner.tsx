import { useId, type ReactNode } from 'react';

interface NotificationBannerProps {
  title: string;
  children: ReactNode;
  /** `success` confirms something the person just did, and is announced at once. */
  type?: 'important' | 'success';
}

/**
 * A banner for news the person should see before anything else on the page (GOV.UK pattern).
 * A success banner is a live alert; an important one is a labelled region to find and read.
 */
export function NotificationBanner({ title, children, type = 'important' }: NotificationBannerProps) {
  const titleId = useId();
  return (
    <div
      className={`notification-banner notification-banner--${type}`}
      role={type === 'success' ? 'alert' : 'region'}
      aria-labelledby={titleId}
    >
      <div className="notification-banner__header">
        <h2 className="notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="notification-banner__content">{children}</div>
    </div>
  );
}
