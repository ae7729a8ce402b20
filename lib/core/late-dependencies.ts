import type { TerraformResource } from './platform/cdktf';

/**
 * Adds `depends_on` entries to a resource that are computed when the stack is synthesized (e.g. resources a feature
 * adds after the resource was defined), keeping whatever the resource's own `dependsOn` is at that time: the user's
 * `resource.dependsOn = [...]`, before or after, still works, and the two are merged. Entries are Terraform addresses
 * (`dependable(resource)`). Several features can add theirs to the same resource.
 */
export function addLateDependencies(resource: TerraformResource, produce: () => string[]): void {
  const previous = Object.getOwnPropertyDescriptor(resource, 'dependsOn');
  let own: string[] | undefined = previous?.get ? undefined : resource.dependsOn;
  const current = (): string[] | undefined => (previous?.get ? (previous.get.call(resource) as string[] | undefined) : own);
  Object.defineProperty(resource, 'dependsOn', {
    configurable: true,
    enumerable: true,
    get: (): string[] | undefined => {
      const given = current() ?? [];
      const all = [...given, ...produce().filter((address) => !given.includes(address))];
      return all.length > 0 ? all : undefined;
    },
    set: (value: string[] | undefined) => {
      if (previous?.set) previous.set.call(resource, value);
      else own = value;
    },
  });
}
