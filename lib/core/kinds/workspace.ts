/** Facts of the workspace itself (it is not a service kind: it has no diagnostic categories and holds no data). */
export const WORKSPACE_FACTS = {
  label: 'Workspace',
  terraformType: 'azurerm_healthcare_workspace',
  idSegment: 'workspaces',
  /** The private-link subresource (group id) of a Health Data Services workspace. */
  privateLinkSubresource: 'healthcareworkspace',
} as const;
