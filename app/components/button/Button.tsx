import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'warning';
}

/** A real `<button>`: it submits its form without JavaScript and works with Enter and Space. */
export function Button({ variant = 'primary', className, type = 'submit', ...rest }: ButtonProps) {
  const classes = ['button', variant === 'primary' ? null : `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
