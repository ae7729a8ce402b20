import { SERVICE_KINDS } from '../core/kinds';
import type { DiagnosticCategories } from '../core/kinds';

export type { DiagnosticCategories };

/** What each kind of workspace service sends to Azure Monitor, by construct class name (the kinds' own facts). */
export const DIAGNOSTIC_CATEGORIES: { readonly [kindLabel: string]: DiagnosticCategories } = Object.fromEntries(
  SERVICE_KINDS.map((kind) => [kind.label, kind.diagnostics]),
);
