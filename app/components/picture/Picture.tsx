import { pictures, type PictureName } from './catalog';

interface PictureProps {
  name: PictureName;
  /** Words for a picture that carries meaning; leave out when the words beside it say the same. */
  alt?: string;
  size?: 'small' | 'medium' | 'large';
}

/**
 * One picture from the portal's own small set (copied from open-licensed sets; see the About
 * the pictures page). Hidden when the person turns pictures off.
 */
export function Picture({ name, alt = '', size = 'medium' }: PictureProps) {
  const picture = pictures[name];
  return (
    <img
      className={`picture picture--${size}`}
      src={`/pictures/${picture.file}`}
      alt={alt}
      width={48}
      height={48}
      loading="lazy"
      decoding="async"
    />
  );
}
