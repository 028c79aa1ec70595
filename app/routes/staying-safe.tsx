import { useTranslation } from 'react-i18next';
import { EasyReadSection } from '~/components/easy-read/EasyReadSection';
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
        <EasyReadSection key={section.key} id={`safety-${section.key}`} picture={section.picture} heading={t(`${section.key}.heading`)}>
          {section.lines.map((line) => (
            <p key={line}>{t(`${section.key}.${line}`)}</p>
          ))}
        </EasyReadSection>
      ))}
      <p className="inset">{t('notEmergency')}</p>
    </>
  );
}
