import type { ReactNode } from 'react';

interface FieldsetProps {
  legend: ReactNode;
  /** One question a page: the legend holds the page's only `h1`. */
  isPageHeading?: boolean;
  describedBy?: string;
  children: ReactNode;
  className?: string;
}

/** Groups related controls; the legend is read with each one. */
export function Fieldset({ legend, isPageHeading, describedBy, children, className }: FieldsetProps) {
  return (
    <fieldset className={['fieldset', className].filter(Boolean).join(' ')} aria-describedby={describedBy || undefined}>
      <legend className={isPageHeading ? 'fieldset__legend fieldset__legend--heading' : 'fieldset__legend'}>
        {isPageHeading ? <h1 className="fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
