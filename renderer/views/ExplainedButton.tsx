import { type ButtonHTMLAttributes, useId } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  // Why the button cannot be used now, shown beside it; null when it can.
  blockedBy: string | null;
}

// A disabled button says why next to it, not only in a tooltip that a keyboard or touch user never sees.
export function ExplainedButton({ blockedBy, disabled, children, ...rest }: Props) {
  const id = useId();
  return (
    <>
      <button type="button" {...rest} disabled={disabled || blockedBy !== null} aria-describedby={blockedBy ? id : undefined}>
        {children}
      </button>
      {blockedBy && (
        <span id={id} className="blocked-by">
          {blockedBy}
        </span>
      )}
    </>
  );
}
