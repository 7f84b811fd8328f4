/** A link out of the app (documentation, help): a new tab in a browser, the user's browser on the desktop. */
import type { ReactNode } from 'react';
import { useApp } from '../app/app-context';
import './platform.css';

export function ExternalLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  const { platform } = useApp();
  return (
    <a className="external-link" {...platform.externalLink(href)} title={href} data-testid={testId}>
      {children}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
