import { useTranslation } from 'react-i18next';
import { Picture } from '~/components/picture/Picture';
import type { PictureName } from '~/components/picture/catalog';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'safety:title' };

const sections: { key: string; picture: PictureName; lines: string[] }[] = [
  { key: 'exit', picture: 'warning', lines: ['press', 'shift', 'where'] },
  { key: 'history', picture: 'laptop', lines: ['body', 'risk', 'delete'] },
  { key: 'private', picture: 'lock', lines: ['body', 'how', 'close'] },
  { key: 'help', picture: 'phone', lines: ['danger', 'silent', 'police', 'helpline', 'council'] },
];

export default function StayingSafe() {
  const { t } = useTranslation('safety');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {sections.map((section) => (
        <section className="easy-read" key={section.key} aria-labelledby={`safety-${section.key}`}>
          <Picture name={section.picture} />
          <div className="easy-read__words">
            <h2 className="easy-read__heading" id={`safety-${section.key}`}>
              {t(`${section.key}.heading`)}
            </h2>
            {section.lines.map((line) => (
              <p key={line}>{t(`${section.key}.${line}`)}</p>
            ))}
          </div>
        </section>
      ))}
      <p className="inset">{t('notEmergency')}</p>
    </>
  );
}
