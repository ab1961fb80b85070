import type { KeyboardEvent } from 'react';

/** A confirm dialog swallows Enter outside its buttons; a multi-line field needs it for new lines. */
export const keepEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
  if (e.key === 'Enter') e.stopPropagation();
};
