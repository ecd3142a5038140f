import type { ComponentChildren } from "preact";
import { onLinkClick } from "../lib/router.ts";

interface Props {
  href: string;
  children?: ComponentChildren;
  class?: string;
  "aria-label"?: string;
  "aria-current"?: "page" | undefined;
  onMouseEnter?: (event: MouseEvent) => void;
  onMouseLeave?: (event: MouseEvent) => void;
  onFocus?: (event: FocusEvent) => void;
  onBlur?: (event: FocusEvent) => void;
}

/** An ordinary `<a href>` that navigates inside the app on a plain click. */
export function Link({ href, children, ...rest }: Props) {
  return (
    <a href={href} onClick={onLinkClick} {...rest}>
      {children}
    </a>
  );
}
