import type { IConstruct } from 'constructs';
import { resolveIn } from '../core/resolve';
import { trimCharacters } from '../core/text';
import { isUnresolved } from '../core/validation';

/**
 * A stable, readable key for a principal, used in construct ids (construct ids are API: the Terraform address of a
 * role assignment must not change between runs). A literal principal id is its own key (lowercased: Entra ids are
 * case-insensitive); a token becomes the Terraform expression it stands for, e.g.
 * "azurerm_user_assigned_identity.Reader.principal_id", which names the same principal in every run.
 */
export function principalKey(scope: IConstruct, principalId: string): string {
  if (!isUnresolved(principalId)) return sanitize(String(principalId).toLowerCase());
  const resolved = resolveIn(scope, principalId);
  const text = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
  return sanitize(text.replace(/^\$\{(.*)\}$/s, '$1'));
}

function sanitize(text: string): string {
  return trimCharacters(text.replace(/[^A-Za-z0-9_.-]+/g, '_'), '_') || 'principal';
}
