import type { ReactNode } from 'react';
import { Fieldset } from '../fieldset/Fieldset';
import { ErrorMessage } from '../fieldset/ErrorMessage';
import { describedByIds } from '../fieldset/field-ids';

export interface PictureCard {
  /** A stable code, the same in every language. */
  value: string;
  label: string;
  picture: ReactNode;
  hint?: string;
  /** Something that belongs with this card, shown under it (for example "this matters most"). */
  extra?: ReactNode;
}

interface PictureChoiceProps {
  id: string;
  name: string;
  legend: string;
  isPageHeading?: boolean;
  hint?: string;
  error?: string;
  type: 'radio' | 'checkbox';
  cards: PictureCard[];
  selected?: string[];
}

/**
 * Picture cards: a real radio or checkbox under each card, so the keyboard, screen readers and
 * forms without JavaScript all work as usual. The picture sits before the words (on the left, or
 * on the right in right-to-left languages) and the whole card, at least 44 pixels high, is the
 * target.
 */
export function PictureChoice({ id, name, legend, isPageHeading, hint, error, type, cards, selected = [] }: PictureChoiceProps) {
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <Fieldset legend={legend} isPageHeading={isPageHeading} describedBy={describedByIds(id, { hint, error })}>
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <ErrorMessage id={`${id}-error`} message={error} />
        <ul className="picture-choice" role="list">
          {cards.map((card, index) => {
            const cardId = index === 0 ? id : `${id}-${card.value}`;
            return (
              <li className="picture-choice__item" key={card.value}>
                <input
                  className="picture-choice__input"
                  type={type}
                  id={cardId}
                  name={name}
                  value={card.value}
                  defaultChecked={selected.includes(card.value)}
                  aria-labelledby={`${cardId}-label`}
                  aria-describedby={card.hint ? `${cardId}-hint` : undefined}
                />
                <label className="picture-choice__card" htmlFor={cardId}>
                  <span className="picture-choice__picture">{card.picture}</span>
                  <span className="picture-choice__words">
                    <span className="picture-choice__label" id={`${cardId}-label`}>
                      {card.label}
                    </span>
                    {card.hint ? (
                      <span className="picture-choice__hint" id={`${cardId}-hint`}>
                        {card.hint}
                      </span>
                    ) : null}
                  </span>
                </label>
                {card.extra ? <div className="picture-choice__extra">{card.extra}</div> : null}
              </li>
            );
          })}
        </ul>
      </Fieldset>
    </div>
  );
}
