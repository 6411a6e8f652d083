// First: configures zod before any page module creates a schema (see the file).
import './platform/zod-jitless';
import type { PropsWithChildren } from 'react';
import './styles/app.css';

// The app shell renders nothing of its own: on weapp every page is its own tree, so
// page-wide concerns (large-text mode, background) live in components/page-shell.
export default function App({ children }: PropsWithChildren) {
  return children;
}
