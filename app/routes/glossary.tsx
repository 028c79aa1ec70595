import { useTranslation } from 'react-i18next';
import { glossaryTerms } from '~/domain/glossary';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'glossary:title' };

export default function Glossary() {
  const { t } = useTranslation('glossary');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <dl className="glossary">
        {glossaryTerms.map((term) => (
          <div className="glossary__entry" key={term} id={`term-${term}`}>
            <dt>{t(`terms.${term}.term`)}</dt>
            <dd>{t(`terms.${term}.meaning`)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
