import type { ReactNode } from 'react';
import { Picture } from '~/components/picture/Picture';
import type { PictureName } from '~/components/picture/catalog';

/**
 * One easy-read block: a picture beside a short heading and its sentences (one idea, one
 * picture). The section is named by its heading for screen readers.
 */
export function EasyReadSection({
  id,
  picture,
  heading,
  children,
}: {
  id: string;
  picture: PictureName;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section className="easy-read" aria-labelledby={id}>
      <Picture name={picture} />
      <div className="easy-read__words">
        <h2 className="easy-read__heading" id={id}>
          {heading}
        </h2>
        {children}
      </div>
    </section>
  );
}
